using System.Text.RegularExpressions;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Functions.Tests.Support;

/// <summary>The "Task payloads" table of statemachine/README.md: each state's parameters and result fields.</summary>
internal static partial class ReadmePayloads
{
    public static IReadOnlyDictionary<string, Payload> Rows()
    {
        var rows = new Dictionary<string, Payload>(StringComparer.Ordinal);
        Payload? previous = null;
        var lines = File.ReadAllLines(RepoPaths.Combine("statemachine", "README.md"))
            .SkipWhile(line => !line.StartsWith("## Task payloads", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .Skip(2); // the header row and its separator
        foreach (var line in lines)
        {
            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            var result = ResultCell().Match(cells[3]);
            Assert.True(result.Success, "unexpected result cell: " + cells[3]);
            var fields = result.Groups["fields"].Value == "as above" && previous is not null
                ? previous.ResultFields
                : Names(result.Groups["fields"].Value);
            previous = new Payload(Names(cells[2]), result.Groups["path"].Value, fields);
            rows[cells[1]] = previous;
        }

        return rows;
    }

    /// <summary>"jobName, object {bucket, key}, executionInput (…)" → jobName, object, executionInput.</summary>
    private static IReadOnlyList<string> Names(string cell) =>
        [.. Nested().Replace(cell, string.Empty).Split(',').Select(name => name.Trim()).Where(name => name.Length > 0)];

    [GeneratedRegex(@"^`(?<path>\$\.\w+)`: (?<fields>.+)$")]
    private static partial Regex ResultCell();

    [GeneratedRegex(@"\[[^\]]*\]|\{[^}]*\}|\([^)]*\)")]
    private static partial Regex Nested();

    internal sealed record Payload(IReadOnlyList<string> Parameters, string ResultPath, IReadOnlyList<string> ResultFields);
}
