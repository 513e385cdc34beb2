using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Paths;

/// <summary>
/// Places a result into a state's raw input at a reference path (ResultPath): <c>$</c> replaces the
/// input, <c>$.a.b</c> sets <c>b</c> in <c>a</c>, creating the objects on the way that do not exist.
/// </summary>
/// <remarks>
/// The placement fails (States.ResultPathMatchFailure) when the path runs through a value that is
/// neither an object nor an array, or through an index the array does not have.
/// </remarks>
internal static class ResultPathWriter
{
    public static bool TryApply(JsonNode? input, JsonPath path, JsonNode? result, out JsonNode? output, out string failure)
    {
        failure = string.Empty;
        if (path.IsWhole)
        {
            output = JsonValues.Copy(result);
            return true;
        }

        output = JsonValues.Copy(input);
        JsonNode? current = output;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var last = i == path.Segments.Count - 1;
            var placed = path.Segments[i] switch
            {
                MemberSegment member => Member(current, member.Name, last, result, out current),
                IndexSegment index => Index(current, index.Index, last, result, out current),
                _ => false,
            };
            if (!placed)
            {
                failure = $"Unable to apply ResultPath '{path.Text}' to input '{JsonValues.ToJson(input)}'";
                output = null;
                return false;
            }
        }

        return true;
    }

    private static bool Member(JsonNode? node, string name, bool last, JsonNode? result, out JsonNode? next)
    {
        next = null;
        if (node is not JsonObject obj)
        {
            return false;
        }

        if (last)
        {
            obj[name] = JsonValues.Copy(result);
            return true;
        }

        if (!obj.TryGetPropertyValue(name, out next) || next is null)
        {
            next = new JsonObject();
            obj[name] = next;
        }

        return next is JsonObject or JsonArray;
    }

    private static bool Index(JsonNode? node, int index, bool last, JsonNode? result, out JsonNode? next)
    {
        next = null;
        if (node is not JsonArray array)
        {
            return false;
        }

        var at = index < 0 ? array.Count + index : index;
        if (at < 0 || at >= array.Count)
        {
            return false;
        }

        if (last)
        {
            array[at] = JsonValues.Copy(result);
            return true;
        }

        next = array[at];
        return next is JsonObject or JsonArray;
    }
}
