using System.Globalization;

namespace PurchasePipeline.Generator.Rows;

/// <summary>Public-looking IPv4 addresses (no 0.x, 10.x, 127.x or multicast), dotted decimal without leading zeros.</summary>
internal static class IpAddresses
{
    public static string Pick(Random random)
    {
        int first;
        do
        {
            first = random.Next(1, 224);
        }
        while (first is 10 or 127);

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{first}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
    }
}
