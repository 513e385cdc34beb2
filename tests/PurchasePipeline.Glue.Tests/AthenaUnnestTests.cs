using System.Text;
using System.Text.Json.Nodes;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// scripts/check_athena_unnest.py: every UNNEST of the Athena SQL (views in the template, glue/validation)
/// names as many columns as Trino gives the declared type. The rule is Trino's analyzer
/// (trinodb/trino core/trino-main/src/main/java/io/trino/sql/analyzer/StatementAnalyzer.java, visitUnnest:
/// array of ROW → one column per field, other array → one, map → two, WITH ORDINALITY → one more;
/// visitAliasedRelation: "Column alias list has N entries but 't' has M columns available"). The deployed
/// template is checked by PurchasePipeline.Infra.Tests; these small templates show each case.
/// </summary>
[Trait("Requires", "sqlglot")]
public sealed class AthenaUnnestTests : IDisposable
{
    private const string Manifests =
        "{\"run_id\": \"string\", \"partitions\": \"array<struct<purchase_date:string,row_count:bigint>>\", "
        + "\"rejected_by_reason\": \"map<string,bigint>\", \"tags\": \"array<string>\", \"rows_in\": \"bigint\"}";

    private readonly TempDirectory temp = new();

    public AthenaUnnestTests() => Directory.CreateDirectory(temp.Combine("validation"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Check_ViewNamingOneAliasForAStructArray_FailsAsTrinoDoes()
    {
        var run = await CheckAsync(view: "SELECT m.run_id, p.purchase_date FROM run_manifests AS m CROSS JOIN UNNEST(m.partitions) AS t (p)");

        PythonAssert.FailedSaying(
            run,
            "view run_partitions: UNNEST(m.partitions) AS t(p): the alias list has 1 entries but Trino gives 2 columns "
            + "(m.partitions array<struct<purchase_date:string,row_count:bigint>>)");
    }

    [Fact]
    public async Task Check_OneAliasPerFieldPerElementTwoPerMapAndOneForOrdinality_Passes()
    {
        var run = await CheckAsync(
            view: "SELECT m.run_id, t.purchase_date, t.row_count FROM run_manifests AS m CROSS JOIN UNNEST(m.partitions) AS t (purchase_date, row_count)",
            rule: "SELECT count(*) AS offending FROM run_manifests AS m "
                + "CROSS JOIN UNNEST(m.partitions, m.tags) WITH ORDINALITY AS t (purchase_date, row_count, tag, n) "
                + "CROSS JOIN UNNEST(rejected_by_reason) AS r (reason, n_rows) CROSS JOIN UNNEST(m.tags) AS g "
                + "WHERE m.run_id = ?");

        PythonAssert.Succeeded(run);
    }

    [Theory]
    [InlineData("UNNEST(m.rejected_by_reason) AS r (reason)", "the alias list has 1 entries but Trino gives 2 columns (m.rejected_by_reason map<string,bigint>)")]
    [InlineData("UNNEST(m.tags) WITH ORDINALITY AS r (tag)", "the alias list has 1 entries but Trino gives 2 columns (m.tags array<string>, WITH ORDINALITY)")]
    [InlineData("UNNEST(m.partitions) AS r (row_count, purchase_date)", "alias row_count stands for the field purchase_date (Trino renames by position")]
    [InlineData("UNNEST(m.rows_in) AS r (n)", "Trino cannot unnest bigint")]
    [InlineData("UNNEST(ARRAY[1, 2]) AS r (n)", "the argument ARRAY[1, 2] is not a column of a catalog table, so its columns cannot be counted")]
    [InlineData("UNNEST(m.missing) AS r (n)", "the argument m.missing is not one column of the catalog tables its SELECT reads")]
    public async Task Check_RuleWithAnUnnestTrinoRejectsOrThatSwapsFields_FailsNamingTheFile(string unnest, string problem)
    {
        var run = await CheckAsync(rule: $"SELECT count(*) AS offending FROM run_manifests AS m CROSS JOIN {unnest} WHERE m.run_id = ?");

        PythonAssert.FailedSaying(run, "rule.sql: ", problem);
    }

    [Fact]
    public async Task Check_NotATemplate_FailsNamingTheFile()
    {
        File.WriteAllText(temp.Combine("template.json"), "{\"Resources\": {\"T\": {\"Type\": \"AWS::Glue::Table\", \"Properties\": {}}}}");
        File.WriteAllText(temp.Combine("validation", "rule.sql"), "SELECT 1 AS offending\n");

        var run = await Python.ScriptAsync("check_athena_unnest.py", temp.Combine("template.json"), temp.Combine("validation"));

        PythonAssert.FailedSaying(run, "template.json: not a template whose Glue tables can be read");
    }

    private async Task<PythonRun> CheckAsync(string? view = null, string? rule = null)
    {
        var resources = new JsonObject { ["Manifests"] = Table("run_manifests", JsonNode.Parse(Manifests)!.AsObject()) };
        if (view is not null)
        {
            var presto = new JsonObject { ["originalSql"] = view, ["catalog"] = "awsdatacatalog", ["schema"] = "db" };
            var table = Table("run_partitions", new JsonObject { ["run_id"] = "string" });
            table["Properties"]!["TableInput"]!["TableType"] = "VIRTUAL_VIEW";
            table["Properties"]!["TableInput"]!["ViewOriginalText"] =
                "/* Presto View: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(presto.ToJsonString())) + " */";
            resources["View"] = table;
        }

        File.WriteAllText(temp.Combine("template.json"), new JsonObject { ["Resources"] = resources }.ToJsonString());
        File.WriteAllText(temp.Combine("validation", "rule.sql"), (rule ?? "SELECT count(*) AS offending FROM run_partitions AS p WHERE p.run_id = ?") + "\n");
        return await Python.ScriptAsync("check_athena_unnest.py", temp.Combine("template.json"), temp.Combine("validation"));
    }

    private static JsonObject Table(string name, JsonObject columns) => new()
    {
        ["Type"] = "AWS::Glue::Table",
        ["Properties"] = new JsonObject
        {
            ["TableInput"] = new JsonObject
            {
                ["Name"] = name,
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject { ["Name"] = c.Key, ["Type"] = (string?)c.Value })]),
                },
            },
        },
    };
}
