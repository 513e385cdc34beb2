using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Trigger;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Trigger;

/// <summary>
/// The watcher announces an object only once it is complete, as S3 announces only finished uploads: a file a
/// user copies straight into landing/raw (cp, no rename) is seen mid-write, so it waits for two scans that
/// see it unchanged. Scans are explicit calls: no sleeps, no clock.
/// </summary>
public sealed class LandingWatcherTests : IDisposable
{
    private const string Key = "raw/2024/05/01/big.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LandingWatcherTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Scan_FileGrowingBetweenScans_AnnouncedOnlyOnceTwoScansSeeItUnchanged()
    {
        var sut = CreateSut();
        var path = home.PathOf(Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var rows = Enumerable.Range(1, 3).Select(i => Some.CsvLine(Some.Row(i)) + "\n").ToList();
        File.WriteAllText(path, Some.Csv([]) + rows[0][..10]);

        var whileWritten = new List<int>();
        foreach (var more in new[] { rows[0][10..] + rows[1], rows[2] })
        {
            whileWritten.Add(sut.Scan().Count);
            File.AppendAllText(path, more);
        }

        var lastWrite = sut.Scan();
        var unchanged = sut.Scan();

        Assert.Equal([0, 0], whileWritten);
        Assert.Empty(lastWrite);
        var created = Assert.Single(unchanged);
        Assert.Equal(Key, (string?)created["detail"]!["object"]!["key"]);
        Assert.Equal(new FileInfo(path).Length, (long)created["detail"]!["object"]!["size"]!);
    }

    /// <summary>
    /// A writer that pauses longer than a scan (a slow copy) left the file unchanged between two scans, so half of it
    /// was announced; while any process holds it open for writing it is not settled (/proc/PID/fd and fdinfo, proc(5)).
    /// </summary>
    [Fact]
    public void Scan_FileHeldOpenForWritingAndUnchanged_AnnouncedOnlyAfterItsWriterFinishes()
    {
        var sut = CreateSut();
        var path = home.PathOf(Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = System.Text.Encoding.UTF8.GetBytes(Some.Csv([Some.Row(1), Some.Row(2)]));
        List<int> whileOpen;
        using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            writer.Write(content, 0, content.Length / 2);
            writer.Flush();
            whileOpen = [.. Enumerable.Range(0, 3).Select(_ => sut.Scan().Count)];
            writer.Write(content, content.Length / 2, content.Length - (content.Length / 2));
        }

        var changed = sut.Scan();
        var unchanged = sut.Scan();

        Assert.Equal([0, 0, 0], whileOpen);
        Assert.Empty(changed);
        Assert.Equal(content.Length, (long)Assert.Single(unchanged)["detail"]!["object"]!["size"]!);
    }

    [Fact]
    public void EventFor_AnObjectWrittenEarlier_CarriesItsWriteTimeAsS3CarriesTheUploads()
    {
        // The job's run listing leaves out runs that ended before the event (GetJobRuns since); a watcher that saw the
        // object late must not date it after the run that read it.
        Some.Land(home, Key, Some.Csv([Some.Row(1)]));
        File.SetLastWriteTimeUtc(home.PathOf(Key), new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc));

        var created = CreateSut().EventFor(LandingZone.Describe(home, home.PathOf(Key)));

        Assert.Equal("2024-05-01T10:00:00Z", (string?)created["time"]);
    }

    private LandingWatcher CreateSut() =>
        new(home, EventPattern.Parse("""{"detail-type": ["Object Created"]}"""), "bucket", TimeProvider.System, new ExecutionStore(home));
}
