using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>The array intrinsics (guide: "Intrinsics for arrays").</summary>
internal static class ArrayFunctions
{
    /// <summary>"The new array can contain up to 1000 elements."</summary>
    public const int MaxRangeItems = 1000;

    public static IEnumerable<IntrinsicFunction> All { get; } =
    [
        new("States.Array", 0, int.MaxValue, MakeArray),
        new("States.ArrayPartition", 2, 2, Partition),
        new("States.ArrayContains", 2, 2, Contains),
        new("States.ArrayRange", 3, 3, Range),
        new("States.ArrayGetItem", 2, 2, GetItem),
        new("States.ArrayLength", 1, 1, args => JsonValue.Create(args.Array(0).Count)),
        new("States.ArrayUnique", 1, 1, Unique),
    ];

    private static JsonArray MakeArray(FunctionArguments args)
    {
        var array = new JsonArray();
        for (var i = 0; i < args.Count; i++)
        {
            array.Add(args[i]?.DeepClone());
        }

        return array;
    }

    private static JsonArray Partition(FunctionArguments args)
    {
        var items = args.Array(0);
        var size = args.Integer(1);
        if (size <= 0)
        {
            throw args.Fail(1, "a positive integer chunk size");
        }

        var chunks = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in items)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                chunks.Add((JsonNode)chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return chunks;
    }

    private static JsonValue Contains(FunctionArguments args)
    {
        var items = args.Array(0);
        var wanted = args[1];
        return JsonValue.Create(items.Any(item => JsonNode.DeepEquals(item, wanted)));
    }

    private static JsonArray Range(FunctionArguments args)
    {
        var first = args.Integer(0);
        var last = args.Integer(1);
        var step = args.Integer(2);
        if (step == 0)
        {
            throw args.Fail("the step (argument 3) must not be 0");
        }

        var count = (last - first) / step < 0 ? 0 : ((last - first) / step) + 1;
        if (count > MaxRangeItems)
        {
            throw args.Fail(string.Create(CultureInfo.InvariantCulture, $"the range has {count} items, more than the {MaxRangeItems} allowed"));
        }

        var range = new JsonArray();
        for (var i = 0L; i < count; i++)
        {
            range.Add((JsonNode)JsonValue.Create(first + (i * step)));
        }

        return range;
    }

    private static JsonNode? GetItem(FunctionArguments args)
    {
        var items = args.Array(0);
        if (!JsonNumbers.TryGetDouble(args[1], out var index) || index != Math.Floor(index) || index < 0)
        {
            throw args.Fail(1, "a non-negative integer index");
        }

        if (index >= items.Count)
        {
            throw args.Fail(string.Create(CultureInfo.InvariantCulture, $"index {index} is out of range for an array of {items.Count} items"));
        }

        return items[(int)index]?.DeepClone();
    }

    private static JsonArray Unique(FunctionArguments args)
    {
        var unique = new JsonArray();
        foreach (var item in args.Array(0))
        {
            if (!unique.Any(kept => JsonNode.DeepEquals(kept, item)))
            {
                unique.Add(item?.DeepClone());
            }
        }

        return unique;
    }
}
