using System.Diagnostics;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// Issue 9's leftover: `run` for one object made the job list raw/ and read another object that a different
/// program was still writing in place (the watcher waits for a stable object, a direct run did not). The writer
/// here is a separate bash process holding the file open with half of it written.
/// </summary>
public sealed class MidWriteRunTests : IDisposable
{
    private const string Row = "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Run_WhileAnotherProgramWritesAnObject_NoneOfItsRowsThenAllOfThemOnTheNextRun()
    {
        var written = Home.PathOf("raw/2026/11/25/copied.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        var content = PurchaseSchema.CsvHeader + "\n" + string.Concat(Enumerable.Range(2, 3).Select(i => Row.Replace("USI_1", $"USI_{i}", StringComparison.Ordinal)));
        var half = content.Length / 2;
        using var writer = StartWriter(written, content[..half], content[half..]);
        while (!File.Exists(written) || new FileInfo(written).Length < half)
        {
            await Task.Delay(20);
        }

        var during = await CliHarness.RunAsync("run", await WriteAsync("a.csv", Row), "--json", "--home", Home.Root);
        await writer.StandardInput.WriteLineAsync("go on");
        await writer.WaitForExitAsync();
        var cleanAfterDuring = Lake.Count(Home, "clean_purchases");
        var next = await CliHarness.RunAsync("run", await WriteAsync("c.csv", Row.Replace("USI_1", "USI_9", StringComparison.Ordinal)), "--json", "--home", Home.Root);

        Assert.True(during.ExitCode == 0 && next.ExitCode == 0, during.Error + next.Error);
        Assert.Equal(0, writer.ExitCode);
        Assert.Equal(1, RowsIn(during));
        Assert.Equal(1, cleanAfterDuring);
        Assert.Equal(4, RowsIn(next));
        Assert.Equal(5, Lake.Count(Home, "clean_purchases"));
    }

    private static long? RowsIn(CliResult result) => (long?)JsonNode.Parse(result.Output)![0]!["output"]!["job"]!["manifest"]!["rows_in"];

    /// <summary>bash opens the file for writing, writes the first part, waits for a line on stdin, writes the rest and closes it.</summary>
    private static Process StartWriter(string path, string first, string rest)
    {
        var start = new ProcessStartInfo("bash", ["-c", "exec 3>\"$1\"; printf %s \"$2\" >&3; read -r _; printf %s \"$3\" >&3; exec 3>&-", "writer", path, first, rest])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    private async Task<string> WriteAsync(string name, string row)
    {
        var file = temp.Combine("in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, PurchaseSchema.CsvHeader + "\n" + row);
        return file;
    }
}
