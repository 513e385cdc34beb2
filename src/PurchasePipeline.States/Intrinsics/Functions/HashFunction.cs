using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>States.Hash(data, algorithm): lower-case hex digest of the data's UTF-8 bytes.</summary>
internal static class HashFunction
{
    public static IntrinsicFunction Function { get; } = new("States.Hash", 2, 2, Hash);

    private static JsonValue Hash(FunctionArguments args)
    {
        var data = Encoding.UTF8.GetBytes(EncodingFunctions.LimitedString(args, 0));
        var algorithm = args.String(1);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are offered because the language defines them, not for security.
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            _ => throw args.Fail($"algorithm '{algorithm}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
