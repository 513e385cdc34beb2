using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Definition;

/// <summary>
/// Reads an Amazon States Language definition (JSONPath) into the model, collecting every problem
/// with the JSON path where it is, rather than stopping at the first.
/// </summary>
internal sealed partial class DefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly List<DefinitionProblem> problems = [];

    /// <summary>Where each state name was first defined, across all nested machines.</summary>
    private readonly Dictionary<string, string> stateNames = new(StringComparer.Ordinal);

    private enum MachineKind
    {
        TopLevel,
        Branch,
        ItemProcessor,
    }

    /// <summary>Reads a definition; throws <see cref="DefinitionException"/> carrying every problem.</summary>
    public static MachineDefinition Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new DefinitionException([new DefinitionProblem("$", "not valid JSON: " + e.Message)]);
        }

        var reader = new DefinitionReader();
        var machine = reader.ReadMachine(root, "$", MachineKind.TopLevel);
        if (reader.problems.Count > 0 || machine is null)
        {
            throw new DefinitionException(reader.problems);
        }

        return machine;
    }

    private MachineDefinition? ReadMachine(JsonNode? node, string path, MachineKind kind)
    {
        if (node is not JsonObject obj)
        {
            Problem(path, "a state machine must be a JSON object");
            return null;
        }

        CheckFields(obj, path, "state machine", kind switch
        {
            MachineKind.TopLevel => ["Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"],
            MachineKind.ItemProcessor => ["Comment", "StartAt", "States", "ProcessorConfig", "QueryLanguage"],
            _ => ["Comment", "StartAt", "States", "QueryLanguage"],
        });
        CheckQueryLanguage(obj, path);
        var timeout = kind == MachineKind.TopLevel ? ReadInt(obj, "TimeoutSeconds", path, 1, 99_999_999) : null;
        if (kind == MachineKind.TopLevel)
        {
            ReadString(obj, "Version", path);
        }

        if (kind == MachineKind.ItemProcessor)
        {
            ReadProcessorConfig(obj, path);
        }

        var startAt = ReadString(obj, "StartAt", path, required: true);
        var statesPath = Child(path, "States");
        if (!obj.TryGetPropertyValue("States", out var statesNode) || statesNode is not JsonObject statesObj || statesObj.Count == 0)
        {
            Problem(statesPath, "States must be a non-empty object of states");
            return null;
        }

        var targets = new List<(string Path, string Target)>();
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var (name, stateNode) in statesObj)
        {
            if (ReadState(name, stateNode, Child(statesPath, name), targets) is { } state)
            {
                states[name] = state;
            }
        }

        if (startAt is not null && !statesObj.ContainsKey(startAt))
        {
            Problem(Child(path, "StartAt"), $"state '{startAt}' does not exist");
        }

        foreach (var (targetPath, target) in targets.Where(t => !statesObj.ContainsKey(t.Target)))
        {
            Problem(targetPath, $"state '{target}' does not exist");
        }

        if (startAt is not null && states.ContainsKey(startAt))
        {
            ReportUnreachable(startAt, states, statesPath);
        }

        return startAt is null ? null : new MachineDefinition(startAt, states, timeout);
    }

    private void ReadProcessorConfig(JsonObject obj, string path)
    {
        if (!obj.TryGetPropertyValue("ProcessorConfig", out var node))
        {
            return;
        }

        var configPath = Child(path, "ProcessorConfig");
        if (node is not JsonObject config)
        {
            Problem(configPath, "must be an object");
            return;
        }

        CheckFields(config, configPath, "ProcessorConfig", ["Mode", "ExecutionType"]);
        if (ReadString(config, "Mode", configPath) is { } mode && mode is not ("INLINE" or "DISTRIBUTED"))
        {
            Problem(Child(configPath, "Mode"), $"'{mode}' is not a mode: use INLINE or DISTRIBUTED");
        }

        if (ReadString(config, "ExecutionType", configPath) is { } type && type is not ("STANDARD" or "EXPRESS"))
        {
            Problem(Child(configPath, "ExecutionType"), $"'{type}' is not an execution type: use STANDARD or EXPRESS");
        }
    }

    private void Problem(string path, string message) => problems.Add(new DefinitionProblem(path, message));
}
