using System.Globalization;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// User and session ids the transform rejects. Only case-insensitive breakage counts: "usi_7" is a valid
/// user id once upper-cased, and upper-case hex is a valid session id once lower-cased.
/// </summary>
internal static class BadIdentifiers
{
    public static string UserId(Random random, string userId)
    {
        var number = userId["USI_".Length..];
        return random.Next(7) switch
        {
            0 => "USER_" + number,
            1 => "USI-" + number,
            2 => number,
            3 => "USI_",
            4 => "USI_" + number + "X",
            5 => "U" + number,
            _ => "guest",
        };
    }

    public static string SessionId(Random random, string sessionId) => random.Next(5) switch
    {
        0 => sessionId[..31],
        1 => sessionId + "0",
        2 => sessionId[..31] + "g",
        3 => sessionId[..8] + "-" + sessionId[8..12] + "-" + sessionId[12..16] + "-" + sessionId[16..20] + "-" + sessionId[20..],
        _ => "session-" + random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture),
    };
}
