using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Paths;

/// <summary>
/// A parsed JSONPath as the States language uses it: <c>$</c> (the state's input) or <c>$$</c> (the
/// context object) followed by member, index, wildcard, slice, union, deep-scan and filter steps.
/// </summary>
/// <remarks>
/// A definite path (only members and indexes) selects one node or nothing; any other path selects a
/// list, returned as an array (possibly empty), as Jayway JsonPath and Step Functions do.
/// </remarks>
internal sealed partial class JsonPath
{
    private JsonPath(string text, bool isContext, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        IsContext = isContext;
        Segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True for a <c>$$</c> path, which reads the context object.</summary>
    public bool IsContext { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    /// <summary>True when the path can select at most one node.</summary>
    public bool IsDefinite => Segments.All(segment => segment.IsDefinite);

    /// <summary>
    /// True for a reference path: members and indexes only, so it names exactly one place in a
    /// document (what ResultPath, ItemsPath and the *Path fields of Wait and Fail require).
    /// </summary>
    public bool IsReference => IsDefinite;

    /// <summary>The path <c>$</c> (or <c>$$</c>): the whole document.</summary>
    public bool IsWhole => Segments.Count == 0;

    /// <summary>The path <c>$</c>.</summary>
    public static JsonPath Root { get; } = new("$", false, []);

    public override string ToString() => Text;

    /// <summary>
    /// Applies the path. A definite path yields a copy of the node it selects; any other path an
    /// array of copies of what it selects. False when a definite path selects nothing.
    /// </summary>
    public bool TrySelect(JsonNode? input, JsonNode? context, out JsonNode? value)
    {
        var document = IsContext ? context : input;
        var nodes = Walk(document, document, Segments);
        if (IsDefinite)
        {
            value = nodes.Count == 1 ? JsonValues.Copy(nodes[0]) : null;
            return nodes.Count == 1;
        }

        value = new JsonArray(nodes.Select(JsonValues.Copy).ToArray());
        return true;
    }

    internal static List<JsonNode?> Walk(JsonNode? start, JsonNode? root, IReadOnlyList<PathSegment> segments)
    {
        var current = new List<JsonNode?> { start };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Select(node, root, next);
            }

            current = next;
        }

        return current;
    }
}
