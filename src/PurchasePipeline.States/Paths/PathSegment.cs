using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Paths;

/// <summary>
/// One step of a JSONPath. Each step maps every node selected so far to the nodes it selects;
/// a JSON null is a selected node whose value is null, an absent member selects nothing.
/// </summary>
internal abstract record PathSegment
{
    /// <summary>True when the step selects at most one node (a member name or an index).</summary>
    public virtual bool IsDefinite => false;

    public abstract void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into);
}

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed record MemberSegment(string Name) : PathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
        {
            into.Add(value);
        }
    }
}

/// <summary><c>[n]</c>; a negative index counts from the end, as in Jayway JsonPath.</summary>
internal sealed record IndexSegment(int Index) : PathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is JsonArray array)
        {
            var index = Index < 0 ? array.Count + Index : Index;
            if (index >= 0 && index < array.Count)
            {
                into.Add(array[index]);
            }
        }
    }
}

/// <summary><c>.*</c> or <c>[*]</c>: every member value or every element.</summary>
internal sealed record WildcardSegment : PathSegment
{
    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        switch (node)
        {
            case JsonObject obj:
                into.AddRange(obj.Select(pair => pair.Value));
                break;
            case JsonArray array:
                into.AddRange(array);
                break;
        }
    }
}

/// <summary><c>[start:end:step]</c> with Python semantics for omitted and negative bounds.</summary>
internal sealed record SliceSegment(int? Start, int? End, int? Step) : PathSegment
{
    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        var step = Step ?? 1;
        var count = array.Count;
        if (step > 0)
        {
            var from = Clamp(Start ?? 0, count);
            var to = Clamp(End ?? count, count);
            for (var i = from; i < to; i += step)
            {
                into.Add(array[i]);
            }
        }
        else if (step < 0)
        {
            var from = Start is { } s ? Math.Min(Normalize(s, count), count - 1) : count - 1;
            var to = End is { } e ? Normalize(e, count) : -1;
            for (var i = from; i > to && i >= 0; i += step)
            {
                into.Add(array[i]);
            }
        }
    }

    private static int Normalize(int index, int count) => index < 0 ? Math.Max(count + index, -1) : index;

    private static int Clamp(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);
}

/// <summary><c>[a,b]</c> or <c>['x','y']</c>: several members or indexes, in the order written.</summary>
internal sealed record UnionSegment(IReadOnlyList<PathSegment> Parts) : PathSegment
{
    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        foreach (var part in Parts)
        {
            part.Select(node, root, into);
        }
    }
}

/// <summary><c>..name</c>, <c>..*</c> or <c>..[...]</c>: the inner step applied to the node and every descendant.</summary>
internal sealed record DeepScanSegment(PathSegment Inner) : PathSegment
{
    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        Inner.Select(node, root, into);
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    Select(pair.Value, root, into);
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Select(element, root, into);
                }

                break;
        }
    }
}

/// <summary><c>[?(expression)]</c>: the elements (or member values) for which the expression holds.</summary>
internal sealed record FilterSegment(FilterExpression Filter) : PathSegment
{
    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        IEnumerable<JsonNode?> candidates = node switch
        {
            JsonArray array => array,
            JsonObject obj => obj.Select(pair => pair.Value),
            _ => [],
        };
        into.AddRange(candidates.Where(candidate => Filter.Holds(candidate, root)));
    }
}
