using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>query "SQL" [--json]</c>: read-only SQL over the local lake's tables, without a DuckDB install.</summary>
internal static class QueryCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var sql = new Argument<string>("SQL") { Description = "One read: SELECT/WITH, DESCRIBE, SUMMARIZE, SHOW or EXPLAIN over clean_purchases, rejected_purchases, agg_daily_*, run_manifests, run_partitions" };
        var json = new Option<bool>("--json") { Description = "Print the rows as a JSON array of objects" };
        var command = new Command("query", "Run read-only SQL over the local lake (the catalog's tables, on embedded DuckDB)") { sql, json }.With(
            "purchase-pipeline query \"SELECT purchase_date, count(*) AS purchases FROM clean_purchases GROUP BY 1 ORDER BY 1\"",
            "purchase-pipeline query \"SELECT reject_reason, count(*) FROM rejected_purchases GROUP BY 1\" --json",
            "purchase-pipeline query \"DESCRIBE agg_daily_category\"");
        command.SetAction(parse =>
        {
            LakeQueryResult result;
            try
            {
                result = LakeQuery.Run(CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home)), parse.GetValue(sql)!);
            }
            catch (LakeQueryException e)
            {
                context.Error.WriteLine("query: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (MemoryLimitExceededException e)
            {
                context.Error.WriteLine("query: " + e.Message);
                return ExitCodes.Failed;
            }

            if (parse.GetValue(json))
            {
                var rows = result.Rows.Select(row => (JsonNode)new JsonObject(result.Columns.Select((column, i) => KeyValuePair.Create(column, Json(row[i])))));
                context.Console.Profile.Out.Writer.WriteLine(new JsonArray([.. rows]).ToJsonString(Indented));
                return ExitCodes.Ok;
            }

            var table = new Table().RoundedBorder();
            foreach (var column in result.Columns)
            {
                table.AddColumn(new TableColumn(Markup.Escape(column)));
            }

            foreach (var row in result.Rows)
            {
                table.AddRow(row.Select(value => Markup.Escape(Text(value))).ToArray());
            }

            context.Console.Write(table);
            context.Console.Profile.Out.Writer.WriteLine(result.Rows.Count == 1 ? "1 row" : $"{result.Rows.Count} rows");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A DuckDB value as JSON: numbers and booleans as such, lists as arrays, maps and structs as objects, the rest as
    /// text. Built by type, not by reflection: the installed tool is Native AOT, where reflection serialisation is off.
    /// </summary>
    private static JsonNode? Json(object? value) => value switch
    {
        null or DBNull => null,
        BigInteger big => JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture)),
        DateTime time => JsonValue.Create(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset instant => JsonValue.Create(instant),
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        sbyte or byte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        TimeOnly time => JsonValue.Create(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        System.Collections.IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(key => KeyValuePair.Create(Text(key), Json(map[key])))),
        System.Collections.IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Json)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string text => text,
        _ => Json(value)?.ToJsonString() ?? "NULL",
    };
}
