using System.Text;
using System.Text.Json;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class JsonLinesTests
{
    [Fact]
    public async Task RunAsync_JsonLines_EachLineIsAnObjectOfTheSchemaColumnsAsStrings()
    {
        var (sink, result) = await Generated.RunAsync(Some.Options() with { Format = OutputFormat.JsonLines, Rows = 600, DirtyRate = 0.4 });

        foreach (var summary in result.Batches)
        {
            Assert.EndsWith(".jsonl", summary.Key, StringComparison.Ordinal);
            var lines = Encoding.UTF8.GetString(sink.Objects[summary.Key]).Split('\n');
            Assert.Equal(string.Empty, lines[^1]);
            Assert.Equal(600, lines.Length - 1);
            var withExtraProperty = 0;
            foreach (var line in lines[..^1])
            {
                using var json = JsonDocument.Parse(line);
                var properties = json.RootElement.EnumerateObject().ToList();
                Assert.All(properties, p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
                Assert.Equal(PurchaseSchema.ColumnNames, properties.Take(PurchaseSchema.ColumnNames.Count).Select(p => p.Name));
                withExtraProperty += properties.Count - PurchaseSchema.ColumnNames.Count;
            }

            Assert.Equal(summary.RejectedByReason.GetValueOrDefault(RejectReason.MalformedRow), withExtraProperty);
            Assert.True(withExtraProperty > 0);
        }
    }
}
