using PurchasePipeline.Functions;
using System.Text;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>
/// A run started for one object lists every new object, and another program may still be writing one of them in
/// place (a `cp` straight into landing/raw): the job read half of it, putting one row in clean and rejected
/// (issue 9, finding 4). An object held open for writing is left for a later run: none of its rows now, all of
/// them once its writer is done. The writer here is this process's own file handle, seen like any other
/// process's in /proc (proc(5): /proc/PID/fd and fdinfo's flags).
/// </summary>
public sealed class MidWriteTests : IDisposable
{
    private const string Done = "raw/2024/05/01/a.csv";
    private const string Writing = "raw/2024/05/01/b.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public MidWriteTests() => home = new LocalHome(temp.Combine("home"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_ObjectAnotherWriterHoldsHalfWritten_NoneOfItsRowsThenAllOfThemOnTheNextRun()
    {
        Some.Land(home, Done, Some.Csv([Some.Row(1)]));
        var content = Encoding.UTF8.GetBytes(Some.Csv([Some.Row(2), Some.Row(3), Some.Row(4)]));
        var half = content.Length / 2;
        RunManifest during;
        using (var writer = new FileStream(home.PathOf(Writing), FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            writer.Write(content, 0, half);
            writer.Flush();

            during = CreateSut().Run();

            writer.Write(content, half, content.Length - half);
        }

        var cleanAfterDuring = LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases");
        var next = CreateSut().Run();

        Assert.Equal([Done], during.Files.Select(f => f.Key));
        Assert.Equal((1L, 0L, 1L), (during.RowsIn, during.RowsRejected, cleanAfterDuring));
        Assert.Equal([Writing], next.Files.Select(f => f.Key));
        Assert.Equal((3L, 3L, 0L), (next.RowsIn, next.RowsClean, next.RowsRejected));
        Assert.Equal(4, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
