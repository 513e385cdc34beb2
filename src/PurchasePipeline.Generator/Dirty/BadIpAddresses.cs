using System.Globalization;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>ip_address values that are present but not a dotted IPv4 address.</summary>
internal static class BadIpAddresses
{
    public static string Pick(Random random, string ip)
    {
        var octets = ip.Split('.');
        return random.Next(7) switch
        {
            0 => "300." + string.Join('.', octets[1..]),
            1 => string.Join('.', octets[..3]) + ".256",
            2 => string.Join('.', octets[..3]),
            3 => ip + "." + random.Next(1, 255).ToString(CultureInfo.InvariantCulture),
            4 => "not-an-ip",
            5 => ip + ":8080",
            _ => "2001:db8::" + random.Next(1, 0xffff).ToString("x", CultureInfo.InvariantCulture),
        };
    }
}
