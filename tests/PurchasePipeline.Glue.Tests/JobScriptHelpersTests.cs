using System.Text.Json;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// The job's pure helpers, imported by scripts/inspect_job.py with a plain python3 (the job guards its
/// Glue and Spark imports): the schema it expects, the SQL it runs, the outputs it writes, how it reads
/// headers and extra fields. Where the local plane decides the same thing, the expectation is the local one.
/// </summary>
[Trait("Requires", "python3")]
public sealed class JobScriptHelpersTests
{
    private const string Key = "raw/2026/11/25/a.csv";

    [Fact]
    public async Task Columns_AreThoseOfPurchaseSchemaAndUserSchema()
    {
        var columns = await Python.InspectJobAsync("columns");

        Assert.Equal(PurchaseSchema.ColumnNames, Strings(columns.GetProperty("raw")));
        Assert.Equal(UserSchema.ColumnNames, Strings(columns.GetProperty("users")));
    }

    [Fact]
    public async Task Steps_GlueSqlFolder_EveryFileInFileNameOrderAsTheViewTheReadmeNames()
    {
        var expected = Directory.GetFiles(GluePaths.SqlFolder, "*.sql")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new List<string> { name!, ViewOf(name!) })
            .ToList();

        var steps = await Python.InspectJobAsync("steps", GluePaths.SqlFolder);

        Assert.Equal(expected, steps.EnumerateArray().Select(Strings).ToList());
    }

    [Fact]
    public async Task Steps_FolderWithANewFile_RunItAndPublishItsAggregate()
    {
        using var temp = new TempDirectory();
        foreach (var file in Directory.GetFiles(GluePaths.SqlFolder))
        {
            File.Copy(file, temp.Combine(Path.GetFileName(file)));
        }

        File.WriteAllText(temp.Combine("20_agg_daily_referrer.sql"), "SELECT t.referrer, t.purchase_date FROM touched_purchases AS t\n");
        File.WriteAllText(temp.Combine("no_null_keys.sql"), "SELECT 1 AS offending\n");

        var steps = await Python.InspectJobAsync("steps", temp.Path);
        var outputs = await Python.InspectJobAsync("outputs", temp.Path);

        Assert.Equal(["20_agg_daily_referrer.sql", "agg_daily_referrer"], Strings(steps.EnumerateArray().Last()));
        Assert.DoesNotContain(steps.EnumerateArray(), step => step[0].GetString() == "no_null_keys.sql");
        Assert.Contains(outputs.EnumerateArray(), output => output[1].GetString() == "aggregates/agg_daily_referrer/");
    }

    [Fact]
    public async Task Outputs_GlueSqlFolder_AggregatesThenRejectedThenCleanWhereTheReadmeSays()
    {
        var aggregates = Directory.GetFiles(GluePaths.SqlFolder, "*.sql")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => ViewOf(name!))
            .Where(view => view.StartsWith("agg_daily_", StringComparison.Ordinal))
            .Select(view => $"{view} aggregates/{view}/ purchase_date replace");

        var outputs = await Python.InspectJobAsync("outputs", GluePaths.SqlFolder);

        var described = outputs.EnumerateArray()
            .Select(o => $"{o[0].GetString()} {o[1].GetString()} {o[2].GetString()} {(o[3].GetBoolean() ? "append" : "replace")}");
        Assert.Equal(
            [.. aggregates, "rejected_purchases rejected/purchases/ run_id replace", "clean_purchases clean/purchases/ purchase_date append"],
            described);
    }

    [Fact]
    public async Task Header_AnyOrderCaseAndSpacing_GivesTheColumns()
    {
        var names = PurchaseSchema.ColumnNames.Reverse().Select(n => " " + n.ToUpperInvariant()).ToList();

        var header = await Python.InspectJobAsync("header", Key, string.Join(',', names));

        Assert.Equal(PurchaseSchema.ColumnNames.Reverse(), Strings(header));
    }

    [Theory]
    [InlineData("brand", "header lacks column brand")]
    [InlineData("ip_address", "header lacks column ip_address")]
    public async Task Header_WithoutAColumn_ErrorNamesTheFileAndTheColumn(string dropped, string expected)
    {
        var header = string.Join(',', PurchaseSchema.ColumnNames.Where(n => n != dropped));

        var error = await HeaderErrorAsync(header);

        Assert.StartsWith(Key + ": " + expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",coupon", "header has unknown column coupon")]
    [InlineData(",user_id", "header repeats column user_id")]
    public async Task Header_UnknownOrRepeatedColumn_ErrorNamesTheFileAndTheColumn(string added, string expected)
    {
        var error = await HeaderErrorAsync(PurchaseSchema.CsvHeader + added);

        Assert.StartsWith(Key + ": " + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_EmptyFile_ErrorIsOneLineNamingTheFile()
    {
        var error = await HeaderErrorAsync(string.Empty);

        Assert.StartsWith(Key + ": file is empty", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData("a,b,c", null)]
    [InlineData("a,b", null)]
    [InlineData("a,b,c,,", null)]
    [InlineData("a,b,c,gift wrap,\"to: Ann, Bob\"", "gift wrap,to: Ann, Bob")]
    [InlineData("a,\"two\nlines\",c,x,,y", "x,y")]
    public async Task ExtraFields_RecordOfAThreeColumnFile_NonEmptyFieldsBeyondTheHeaderAsTheLocalPlaneKeepsThem(string record, string? expected)
    {
        var extra = await Python.InspectJobAsync("extra-fields", record, "3");

        Assert.Equal(expected, extra.ValueKind == JsonValueKind.Null ? null : extra.GetString());
    }

    private static async Task<string> HeaderErrorAsync(string header)
    {
        var result = await Python.InspectJobAsync("header", Key, header);
        Assert.True(result.ValueKind == JsonValueKind.Object, "expected the header to be refused, got " + result);
        return result.GetProperty("error").GetString()!;
    }

    private static string ViewOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return stem[(stem.IndexOf('_', StringComparison.Ordinal) + 1)..];
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
