using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Tests;

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
// and #asl-intrsc-func-hash-calc
public sealed class IntrinsicsEncodingTests
{
    [Fact]
    public void Base64Encode_GuideExample_Encodes()
    {
        var result = FakePaths.Evaluate("States.Base64Encode($.input)", """{"input": "Data to encode"}""");

        Assert.Equal("RGF0YSB0byBlbmNvZGU=", result!.GetValue<string>());
    }

    [Fact]
    public void Base64Decode_GuideExample_DecodesToTheOriginalText()
    {
        // The guide prints "Decoded data", but its input is the Base64 of "Data to encode" (see above).
        var result = FakePaths.Evaluate("States.Base64Decode($.base64)", """{"base64": "RGF0YSB0byBlbmNvZGU="}""");

        Assert.Equal("Data to encode", result!.GetValue<string>());
    }

    [Fact]
    public void Base64_NonAsciiText_RoundTripsAsUtf8()
    {
        var result = FakePaths.Evaluate("States.Base64Decode(States.Base64Encode('Zürich €'))", "{}");

        Assert.Equal("Zürich €", result!.GetValue<string>());
    }

    [Fact]
    public void Base64Decode_NotBase64_Fails()
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Base64Decode('not base64!')", "{}"));

        Assert.StartsWith("States.Base64Decode:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64Encode_Over10000Characters_Fails()
    {
        var input = $$"""{"s": "{{new string('a', 10_001)}}"}""";

        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Base64Encode($.s)", input));

        Assert.Contains("10001 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64Encode_NotString_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Base64Encode(12)", "{}"));
    }

    [Fact]
    public void Hash_GuideExample_ReturnsLowerCaseSha1()
    {
        // The guide prints "aaff4a450a104cd177d28d18d7485e8cae074b7", 39 digits: one "4" of the real
        // 40-digit SHA-1 below was lost in the page (checked with Python's hashlib).
        var result = FakePaths.Evaluate("States.Hash($.Data, $.Algorithm)", """{"Data": "input data", "Algorithm": "SHA-1"}""");

        Assert.Equal("aaff4a450a104cd177d28d18d74485e8cae074b7", result!.GetValue<string>());
    }

    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_EachAlgorithm_MatchesItsDigest(string algorithm, string expected)
    {
        var result = FakePaths.Evaluate($"States.Hash('input data', '{algorithm}')", "{}");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("sha-1")]
    [InlineData("CRC32")]
    public void Hash_UnknownAlgorithm_FailsListingTheValidOnes(string algorithm)
    {
        var e = Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate($"States.Hash('x', '{algorithm}')", "{}"));

        Assert.Contains("MD5, SHA-1, SHA-256, SHA-384, SHA-512", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_DataNotString_Fails()
    {
        Assert.Throws<IntrinsicFailureException>(() => FakePaths.Evaluate("States.Hash($.o, 'MD5')", """{"o": {}}"""));
    }
}
