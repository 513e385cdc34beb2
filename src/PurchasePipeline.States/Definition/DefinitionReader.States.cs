using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of each state type.</summary>
internal sealed partial class DefinitionReader
{
    private const int MaxStateNameLength = 80;


    private StateDefinition? ReadState(string name, JsonNode? node, string path, List<(string Path, string Target)> targets)
    {
        if (name.Length is 0 or > MaxStateNameLength)
        {
            Problem(path, $"a state name must have 1 to {MaxStateNameLength} characters");
        }

        if (!stateNames.TryAdd(name, path))
        {
            Problem(path, $"state name '{name}' is already used at {stateNames[name]}");
        }

        if (node is not JsonObject obj)
        {
            Problem(path, "a state must be a JSON object");
            return null;
        }

        var type = ReadString(obj, "Type", path, required: true);
        if (type is null)
        {
            return null;
        }

        CheckQueryLanguage(obj, path);
        StateDefinition? state = type switch
        {
            "Pass" => ReadPass(obj, path),
            "Task" => ReadTask(obj, path, targets),
            "Choice" => ReadChoice(obj, path, targets),
            "Wait" => ReadWait(obj, path),
            "Succeed" => ReadSucceed(obj, path),
            "Fail" => ReadFail(obj, path),
            "Parallel" => ReadParallel(obj, path, targets),
            "Map" => ReadMap(obj, path, targets),
            _ => null,
        };
        if (state is null)
        {
            if (type is not ("Pass" or "Task" or "Choice" or "Wait" or "Succeed" or "Fail" or "Parallel" or "Map"))
            {
                Problem(Child(path, "Type"), $"'{type}' is not a state type");
            }

            return null;
        }

        state = state with { Name = name };
        if (state.Next is { } next)
        {
            targets.Add((Child(path, "Next"), next));
        }

        return state;
    }

    /// <summary>Next, or End: true — exactly one of them.</summary>
    private string? ReadTransition(JsonObject obj, string path)
    {
        var next = ReadString(obj, "Next", path);
        var end = ReadBool(obj, "End", path);
        if (next is not null && end == true)
        {
            Problem(Child(path, "End"), "'Next' and 'End' cannot both be set");
        }
        else if (next is null && end != true)
        {
            Problem(path, "needs 'Next' or \"End\": true");
        }

        return next;
    }

    private (JsonPath? Input, JsonPath? Output) ReadInputOutput(JsonObject obj, string path) =>
        (ReadPath(obj, "InputPath", path, JsonPath.Root, nullable: true, reference: false, allowContext: true),
         ReadPath(obj, "OutputPath", path, JsonPath.Root, nullable: true, reference: false, allowContext: true));

    private JsonPath? ReadResultPath(JsonObject obj, string path) =>
        ReadPath(obj, "ResultPath", path, JsonPath.Root, nullable: true, reference: true, allowContext: false);

    private PassState ReadPass(JsonObject obj, string path)
    {
        CheckFields(obj, path, "Pass state", ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result"]);
        var (input, output) = ReadInputOutput(obj, path);
        var hasResult = obj.TryGetPropertyValue("Result", out var result);
        return new PassState
        {
            Name = string.Empty,
            Next = ReadTransition(obj, path),
            InputPath = input,
            OutputPath = output,
            ResultPath = ReadResultPath(obj, path),
            Parameters = ReadTemplate(obj, "Parameters", path),
            HasResult = hasResult,
            Result = JsonValues.Copy(result),
        };
    }

    private TaskState ReadTask(JsonObject obj, string path, List<(string Path, string Target)> targets)
    {
        CheckFields(obj, path, "Task state",
        [
            "Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
            "Retry", "Catch", "Credentials",
        ]);
        var (input, output) = ReadInputOutput(obj, path);
        Exclusive(obj, path, "TimeoutSeconds", "TimeoutSecondsPath");
        Exclusive(obj, path, "HeartbeatSeconds", "HeartbeatSecondsPath");
        var timeout = ReadInt(obj, "TimeoutSeconds", path, 1, 99_999_999);
        var heartbeat = ReadInt(obj, "HeartbeatSeconds", path, 1, 99_999_999);
        if (timeout is not null && heartbeat is not null && heartbeat >= timeout)
        {
            Problem(Child(path, "HeartbeatSeconds"), "must be smaller than TimeoutSeconds");
        }

        var resource = ReadString(obj, "Resource", path, required: true);
        if (resource?.Length == 0)
        {
            Problem(Child(path, "Resource"), "must not be empty");
        }

        return new TaskState
        {
            Name = string.Empty,
            Next = ReadTransition(obj, path),
            InputPath = input,
            OutputPath = output,
            ResultPath = ReadResultPath(obj, path),
            Parameters = ReadTemplate(obj, "Parameters", path),
            ResultSelector = ReadTemplate(obj, "ResultSelector", path),
            Resource = resource ?? string.Empty,
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = ReadPath(obj, "TimeoutSecondsPath", path, null, nullable: false, reference: true, allowContext: true),
            HeartbeatSeconds = heartbeat,
            HeartbeatSecondsPath = ReadPath(obj, "HeartbeatSecondsPath", path, null, nullable: false, reference: true, allowContext: true),
            Retry = ReadRetry(obj, path),
            Catch = ReadCatch(obj, path, targets),
        };
    }
}
