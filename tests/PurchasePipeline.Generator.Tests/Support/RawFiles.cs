using System.Text;
using System.Text.Json;
using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>Reads generated CSV and JSON-lines files back into <see cref="RawRow"/>s, the way a raw reader would.</summary>
internal static class RawFiles
{
    public static List<RawRow> Read(string key, byte[] content) =>
        key.EndsWith(".jsonl", StringComparison.Ordinal) ? ReadJsonLines(content) : ReadCsv(content);

    public static List<RawRow> ReadCsv(byte[] content)
    {
        var records = CsvReader.Parse(Encoding.UTF8.GetString(content));
        Assert.Equal(PurchaseSchema.ColumnNames, records[0]);
        var columns = PurchaseSchema.ColumnNames;
        return [.. records.Skip(1).Select(r => new RawRow(
            columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i < r.Count ? r[x.i] : null),
            r.Count > columns.Count))];
    }

    public static List<RawRow> ReadJsonLines(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var rows = new List<RawRow>();
        foreach (var line in text[..^1].Split('\n'))
        {
            using var json = JsonDocument.Parse(line);
            var values = PurchaseSchema.ColumnNames.ToDictionary(c => c, c => (string?)null);
            var extra = false;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (values.ContainsKey(property.Name))
                {
                    values[property.Name] = property.Value.GetString();
                }
                else
                {
                    extra = true;
                }
            }

            rows.Add(new RawRow(values, extra));
        }

        return rows;
    }
}
