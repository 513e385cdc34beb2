using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of Parallel and Map, whose branches and item processor are machines of their own.</summary>
internal sealed partial class DefinitionReader
{
    private ParallelState? ReadParallel(JsonObject obj, string path, List<(string Path, string Target)> targets)
    {
        CheckFields(obj, path, "Parallel state",
        [
            "Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "Branches", "Retry", "Catch",
        ]);
        var (input, output) = ReadInputOutput(obj, path);
        var branchesPath = Child(path, "Branches");
        var branches = new List<MachineDefinition>();
        if (obj.TryGetPropertyValue("Branches", out var node) && node is JsonArray array && array.Count > 0)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (ReadMachine(array[i], Item(branchesPath, i), MachineKind.Branch) is { } branch)
                {
                    branches.Add(branch);
                }
            }
        }
        else
        {
            Problem(branchesPath, "Branches must be a non-empty array of state machines");
        }

        return new ParallelState
        {
            Name = string.Empty,
            Next = ReadTransition(obj, path),
            InputPath = input,
            OutputPath = output,
            ResultPath = ReadResultPath(obj, path),
            Parameters = ReadTemplate(obj, "Parameters", path),
            ResultSelector = ReadTemplate(obj, "ResultSelector", path),
            Branches = branches,
            Retry = ReadRetry(obj, path),
            Catch = ReadCatch(obj, path, targets),
        };
    }

    private MapState? ReadMap(JsonObject obj, string path, List<(string Path, string Target)> targets)
    {
        CheckFields(obj, path, "Map state",
        [
            "Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "ItemsPath", "ItemSelector", "Iterator", "ItemProcessor", "MaxConcurrency", "MaxConcurrencyPath",
            "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
            "Label", "Retry", "Catch",
        ]);
        var (input, output) = ReadInputOutput(obj, path);
        Exclusive(obj, path, "Iterator", "ItemProcessor");
        Exclusive(obj, path, "Parameters", "ItemSelector");
        Exclusive(obj, path, "MaxConcurrency", "MaxConcurrencyPath");
        Exclusive(obj, path, "ToleratedFailureCount", "ToleratedFailureCountPath");
        Exclusive(obj, path, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        ReadString(obj, "Label", path);

        MachineDefinition? processor = null;
        if (obj.TryGetPropertyValue("ItemProcessor", out var itemProcessor))
        {
            processor = ReadMachine(itemProcessor, Child(path, "ItemProcessor"), MachineKind.ItemProcessor);
        }
        else if (obj.TryGetPropertyValue("Iterator", out var iterator))
        {
            processor = ReadMachine(iterator, Child(path, "Iterator"), MachineKind.Branch);
        }
        else
        {
            Problem(path, "needs an ItemProcessor (or the legacy Iterator)");
        }

        var selector = obj.ContainsKey("ItemSelector") ? ReadTemplate(obj, "ItemSelector", path) : ReadTemplate(obj, "Parameters", path);
        var map = new MapState
        {
            Name = string.Empty,
            Next = ReadTransition(obj, path),
            InputPath = input,
            OutputPath = output,
            ResultPath = ReadResultPath(obj, path),
            ResultSelector = ReadTemplate(obj, "ResultSelector", path),
            Processor = processor ?? new MachineDefinition(string.Empty, new Dictionary<string, StateDefinition>(), null),
            ItemsPath = ReadPath(obj, "ItemsPath", path, JsonPath.Root, nullable: false, reference: true, allowContext: true) ?? JsonPath.Root,
            ItemSelector = selector,
            MaxConcurrency = ReadInt(obj, "MaxConcurrency", path, 0, int.MaxValue) ?? 0,
            MaxConcurrencyPath = ReadPath(obj, "MaxConcurrencyPath", path, null, nullable: false, reference: true, allowContext: true),
            ToleratedFailureCount = ReadInt(obj, "ToleratedFailureCount", path, 0, int.MaxValue),
            ToleratedFailureCountPath = ReadPath(obj, "ToleratedFailureCountPath", path, null, nullable: false, reference: true, allowContext: true),
            ToleratedFailurePercentage = ReadNumber(obj, "ToleratedFailurePercentage", path, 0, 100),
            ToleratedFailurePercentagePath = ReadPath(obj, "ToleratedFailurePercentagePath", path, null, nullable: false, reference: true, allowContext: true),
            Retry = ReadRetry(obj, path),
            Catch = ReadCatch(obj, path, targets),
        };
        return processor is null ? null : map;
    }
}
