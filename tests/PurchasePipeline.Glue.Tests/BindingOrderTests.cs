using System.Text.Json;
using PurchasePipeline.Local.Sql;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// One binding order for both runners (issue 11): glue/sql/README.md's "Binding order" table, which
/// scripts/check_binding_order.py checks against the SQL (each file reads only views bound above it) and the Glue job's
/// binding_order; here the local job's <see cref="TransformBinding"/> is compared with the same table.
/// </summary>
[Trait("Requires", "python3")]
[Trait("Requires", "sqlglot")]
public sealed class BindingOrderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Order_OfBothRunners_IsTheReadmesTable_AndEachFileReadsOnlyViewsBoundAboveIt()
    {
        var run = await CheckAsync(GluePaths.SqlFolder);

        PythonAssert.Succeeded(run);
        using var printed = JsonDocument.Parse(run.StandardOutput);
        var readme = printed.RootElement.GetProperty("readme").EnumerateArray().Select(row => (row[0].GetString(), row[1].GetString() == "runner")).ToList();
        var local = TransformBinding.Order(SqlFolder.Transform).Select(binding => ((string?)binding.View, binding.Script is null)).ToList();
        Assert.Equal(readme, local);
    }

    [Fact]
    public async Task Order_ReadmeBindingAViewBelowAFileThatReadsIt_FailsNamingThem()
    {
        foreach (var file in Directory.GetFiles(GluePaths.SqlFolder))
        {
            File.Copy(file, temp.Combine(Path.GetFileName(file)));
        }

        var readme = File.ReadAllLines(temp.Combine("README.md")).ToList();
        var existing = readme.FindIndex(line => line.StartsWith("| `existing_purchases` | runner |", StringComparison.Ordinal));
        var row = readme[existing];
        readme.RemoveAt(existing);
        readme.Insert(readme.FindIndex(line => line.StartsWith("| `clean_purchases` |", StringComparison.Ordinal)) + 1, row);
        File.WriteAllLines(temp.Combine("README.md"), readme);

        var run = await CheckAsync(temp.Path);

        PythonAssert.FailedSaying(run, "clean_purchases reads existing_purchases, bound below it", "the Glue job's binding_order");
    }

    private static Task<PythonRun> CheckAsync(string sqlFolder) =>
        Python.ScriptAsync("check_binding_order.py", sqlFolder, GluePaths.JobScript);
}
