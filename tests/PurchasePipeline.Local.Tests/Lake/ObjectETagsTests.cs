using System.Security.Cryptography;
using System.Text;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Lake;

/// <summary>Objects' ETags: S3's (hex MD5 of the content), hashed once per change (issue 9, finding 5).</summary>
public sealed class ObjectETagsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Path);

    [Fact]
    public void ListRaw_NewObject_ETagIsTheMd5OfItsContentAsS3Gives()
    {
        var file = Write("raw/2026/11/25/a.csv", "user_id\nUSI_1\n");

        var raw = Assert.Single(LandingZone.ListRaw(Home));

        Assert.Equal(Convert.ToHexStringLower(MD5HashOf("user_id\nUSI_1\n")), raw.ETag);
        Assert.Equal(file, raw.Path);
    }

    /// <summary>Listing does not read unchanged objects again: a rewrite that keeps size and mtime is not seen by a listing...</summary>
    [Fact]
    public void ListRaw_RewrittenWithSameSizeAndMtimeOutsideTheCli_KeepsTheCachedETag()
    {
        var file = Write("raw/2026/11/25/a.csv", "user_id\nUSI_1\n");
        var first = Assert.Single(LandingZone.ListRaw(Home)).ETag;
        RewriteKeepingSizeAndMtime(file, "user_id\nUSI_2\n");

        Assert.Equal(first, Assert.Single(LandingZone.ListRaw(Home)).ETag);
    }

    /// <summary>...but landing it (run, demo) hashes it again whatever its size and mtime.</summary>
    [Fact]
    public void Land_RewrittenWithSameSizeAndMtime_NextListingHasTheNewETag()
    {
        var file = Write("raw/2026/11/25/a.csv", "user_id\nUSI_1\n");
        _ = LandingZone.ListRaw(Home);
        RewriteKeepingSizeAndMtime(file, "user_id\nUSI_2\n");

        ObjectETags.Land(Home, "raw/2026/11/25/a.csv", file);

        Assert.Equal(Convert.ToHexStringLower(MD5HashOf("user_id\nUSI_2\n")), Assert.Single(LandingZone.ListRaw(Home)).ETag);
    }

    [Fact]
    public void ListRaw_DamagedCache_ETagsComputedAgain()
    {
        Write("raw/2026/11/25/a.csv", "user_id\nUSI_1\n");
        Directory.CreateDirectory(Path.Combine(Home.Root, "trigger"));
        File.WriteAllText(Path.Combine(Home.Root, "trigger", "etags.json"), "{\"raw/2026/11/25/a.csv\": \"14:");

        Assert.Equal(Convert.ToHexStringLower(MD5HashOf("user_id\nUSI_1\n")), Assert.Single(LandingZone.ListRaw(Home)).ETag);
    }

#pragma warning disable CA5351 // S3's ETag is an MD5.
    private static byte[] MD5HashOf(string text) => MD5.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5351

    private static void RewriteKeepingSizeAndMtime(string file, string content)
    {
        var stamp = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, content);
        File.SetLastWriteTimeUtc(file, stamp);
    }

    private string Write(string key, string content)
    {
        var file = Home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }
}
