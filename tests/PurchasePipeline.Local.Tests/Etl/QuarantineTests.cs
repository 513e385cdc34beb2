using PurchasePipeline.Functions;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>
/// One poison object never blocks later work (issue 9, finding 3): a run that meets an object it cannot read
/// quarantines it (listed in the manifest with why, bookmarked at its etag, kept in raw/) and commits the rest;
/// later runs do not read it again until it is overwritten.
/// </summary>
public sealed class QuarantineTests : IDisposable
{
    private const string Good = "raw/2024/05/01/a.csv";
    private const string Poison = "raw/2024/05/01/b.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public QuarantineTests() => home = new LocalHome(temp.Combine("home"));

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> PoisonFiles => new()
    {
        { "headerless", "header lacks column user_id" },
        { "empty", "file is empty" },
        { "binary", "the first line is longer than 65,536 characters" },
    };

    [Theory]
    [MemberData(nameof(PoisonFiles))]
    public void Run_UnreadableObjectAmongGoodOnes_QuarantinesItAndCommitsTheRest(string kind, string reason)
    {
        Some.Land(home, Good, Some.Csv([Some.Row(1), Some.Row(2)]));
        Some.Land(home, Poison, kind switch
        {
            "headerless" => Some.CsvLine(Some.Row(3)) + "\n",
            "empty" => string.Empty,
            _ => new string('\u0001', 70_000),
        });
        Some.Land(home, "raw/2024/05/01/c.csv", Some.Csv([Some.Row(4)]));

        var manifest = CreateSut().Run();

        Assert.Equal([Good, "raw/2024/05/01/c.csv"], manifest.Files.Select(f => f.Key));
        var quarantined = Assert.Single(manifest.Quarantined);
        Assert.Equal(Poison, quarantined.Key);
        Assert.StartsWith(reason, quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal(3, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(3, new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Load().Objects.Count);
        Assert.True(File.Exists(home.PathOf(Poison)));
        Assert.Equal(manifest.Quarantined, RunManifestJson.Deserialize(File.ReadAllText(Path.Combine(home.Manifests, manifest.RunId + ".json"))).Quarantined);
    }

    /// <summary>DuckDB refuses a CSV line longer than its max_line_size (2,000,000 bytes by default): the error named no file, and the whole batch failed with it.</summary>
    [Fact]
    public void Run_LineBeyondTheReadersLimit_QuarantinedNamingTheRow()
    {
        Some.Land(home, Good, Some.Csv([Some.Row(1)]));
        Some.Land(home, Poison, Some.Csv([Some.Row(2)]) + new string('x', 3 * 1024 * 1024) + "\n" + Some.CsvLine(Some.Row(3)) + "\n");

        var manifest = CreateSut().Run();

        var quarantined = Assert.Single(manifest.Quarantined);
        Assert.Equal(Poison, quarantined.Key);
        Assert.Contains("CSV Error on Line: 3", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("Maximum line size", quarantined.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', quarantined.Reason);
        Assert.DoesNotContain(home.Root, quarantined.Reason, StringComparison.Ordinal);
        Assert.True(quarantined.Reason.Length < 600, quarantined.Reason);
        Assert.Equal(1, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    [Fact]
    public void Run_LinkToAFileThatIsNoPurchaseFile_QuarantinedAndLaterRunsSucceed()
    {
        var outside = temp.Combine("passwd");
        File.WriteAllText(outside, "root:x:0:0:root:/root:/bin/bash\n");
        Directory.CreateDirectory(Path.GetDirectoryName(home.PathOf(Poison))!);
        File.CreateSymbolicLink(home.PathOf(Poison), outside);
        var sut = CreateSut();
        Assert.Equal(Poison, Assert.Single(sut.Run().Quarantined).Key);
        Some.Land(home, Good, Some.Csv([Some.Row(1)]));

        var next = sut.Run();

        Assert.Equal([Good], next.Files.Select(f => f.Key));
        Assert.Empty(next.Quarantined);
        Assert.Equal(1, next.RowsClean);
    }

    [Fact]
    public void Run_QuarantinedObjectUploadedAgainFixed_IsReadAgain()
    {
        Some.Land(home, Poison, Some.CsvLine(Some.Row(1)) + "\n");
        var sut = CreateSut();
        Assert.Single(sut.Run().Quarantined);
        Assert.Empty(sut.Run().Quarantined);
        Some.Land(home, Poison, Some.Csv([Some.Row(1)]));

        var fixedRun = sut.Run();

        Assert.Equal([Poison], fixedRun.Files.Select(f => f.Key));
        Assert.Empty(fixedRun.Quarantined);
        Assert.Equal(1, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
