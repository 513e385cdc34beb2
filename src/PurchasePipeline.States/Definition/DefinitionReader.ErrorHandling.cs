using System.Text.Json.Nodes;
using PurchasePipeline.States.Execution;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of Retry and Catch.</summary>
internal sealed partial class DefinitionReader
{
    private List<Retrier> ReadRetry(JsonObject obj, string path)
    {
        var retriers = new List<Retrier>();
        foreach (var (item, itemPath, last) in ReadArrayOfObjects(obj, "Retry", path))
        {
            CheckFields(item, itemPath, "retrier", ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"]);
            var errors = ReadErrorEquals(item, itemPath, last);
            var jitter = ReadString(item, "JitterStrategy", itemPath);
            if (jitter is not null and not ("FULL" or "NONE"))
            {
                Problem(Child(itemPath, "JitterStrategy"), $"'{jitter}' is not a jitter strategy: use FULL or NONE");
            }

            retriers.Add(new Retrier(
                errors,
                ReadInt(item, "IntervalSeconds", itemPath, 1, 99_999_999) ?? 1,
                ReadInt(item, "MaxAttempts", itemPath, 0, 99_999_999) ?? 3,
                ReadNumber(item, "BackoffRate", itemPath, 1, double.MaxValue) ?? 2.0,
                ReadInt(item, "MaxDelaySeconds", itemPath, 1, 31_622_400),
                jitter == "FULL"));
        }

        return retriers;
    }

    private List<Catcher> ReadCatch(JsonObject obj, string path, List<(string Path, string Target)> targets)
    {
        var catchers = new List<Catcher>();
        foreach (var (item, itemPath, last) in ReadArrayOfObjects(obj, "Catch", path))
        {
            CheckFields(item, itemPath, "catcher", ["ErrorEquals", "Next", "ResultPath", "Comment"]);
            var errors = ReadErrorEquals(item, itemPath, last);
            var next = ReadString(item, "Next", itemPath, required: true);
            if (next is not null)
            {
                targets.Add((Child(itemPath, "Next"), next));
                catchers.Add(new Catcher(errors, next, ReadResultPath(item, itemPath)));
            }
        }

        return catchers;
    }

    private IEnumerable<(JsonObject Item, string Path, bool Last)> ReadArrayOfObjects(JsonObject obj, string field, string path)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            yield break;
        }

        var fieldPath = Child(path, field);
        if (node is not JsonArray array)
        {
            Problem(fieldPath, "must be an array");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (item, Item(fieldPath, i), i == array.Count - 1);
            }
            else
            {
                Problem(Item(fieldPath, i), "must be an object");
            }
        }
    }

    /// <summary>A non-empty array of error names; States.ALL must be alone, in the last retrier or catcher.</summary>
    private List<string> ReadErrorEquals(JsonObject item, string path, bool last)
    {
        var fieldPath = Child(path, "ErrorEquals");
        if (!item.TryGetPropertyValue("ErrorEquals", out var node) || node is not JsonArray array || array.Count == 0)
        {
            Problem(fieldPath, "must be a non-empty array of error names");
            return [];
        }

        var errors = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (JsonValues.TryGetString(array[i], out var error))
            {
                errors.Add(error);
            }
            else
            {
                Problem(Item(fieldPath, i), "must be a string");
            }
        }

        if (errors.Contains(ErrorNames.All) && (errors.Count > 1 || !last))
        {
            Problem(fieldPath, $"{ErrorNames.All} must appear alone, and only in the last retrier or catcher");
        }

        return errors;
    }
}
