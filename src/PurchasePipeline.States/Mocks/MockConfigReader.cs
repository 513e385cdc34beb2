using System.Text.Json;
using PurchasePipeline.States.Validation;

namespace PurchasePipeline.States.Mocks;

/// <summary>
/// Reads the Step Functions Local MockConfigFile format and checks it, throwing
/// <see cref="MockConfigException"/> at the first problem with its JSON path.
/// </summary>
/// <remarks>Format: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html</remarks>
internal static partial class MockConfigReader
{
    private const string StateMachinesField = "StateMachines";
    private const string MockedResponsesField = "MockedResponses";

    /// <summary>State machine → test case → state → mocked response name.</summary>
    public static (Dictionary<string, Dictionary<string, Dictionary<string, string>>> StateMachines, Dictionary<string, MockedResponse> Responses) Read(string json)
    {
        using var document = JsonText.TryParse(json, out var error) ?? throw new MockConfigException("$", error!);
        var root = document.RootElement;
        var rootPath = "$";
        RequireObject(root, rootPath);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not (StateMachinesField or MockedResponsesField))
            {
                throw new MockConfigException(PathText.Child(rootPath, property.Name), $"unknown field; a mock config has only {StateMachinesField} and {MockedResponsesField}");
            }
        }

        var responses = ReadResponses(Required(root, rootPath, MockedResponsesField), PathText.Child(rootPath, MockedResponsesField));
        var machines = ReadStateMachines(Required(root, rootPath, StateMachinesField), PathText.Child(rootPath, StateMachinesField), responses);
        return (machines, responses);
    }

    private static Dictionary<string, Dictionary<string, Dictionary<string, string>>> ReadStateMachines(
        JsonElement element, string path, Dictionary<string, MockedResponse> responses)
    {
        RequireObject(element, path);
        var machines = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var machine in element.EnumerateObject())
        {
            var machinePath = PathText.Child(path, machine.Name);
            RequireObject(machine.Value, machinePath);
            foreach (var field in machine.Value.EnumerateObject().Where(f => f.Name != "TestCases"))
            {
                throw new MockConfigException(PathText.Child(machinePath, field.Name), "unknown field; a state machine has only TestCases");
            }

            var casesPath = PathText.Child(machinePath, "TestCases");
            var cases = Required(machine.Value, machinePath, "TestCases");
            RequireObject(cases, casesPath);
            var testCases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var testCase in cases.EnumerateObject())
            {
                testCases[testCase.Name] = ReadTestCase(testCase.Value, PathText.Child(casesPath, testCase.Name), responses);
            }

            machines[machine.Name] = testCases;
        }

        return machines;
    }

    private static Dictionary<string, string> ReadTestCase(JsonElement element, string path, Dictionary<string, MockedResponse> responses)
    {
        RequireObject(element, path);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var state in element.EnumerateObject())
        {
            var statePath = PathText.Child(path, state.Name);
            if (state.Value.ValueKind != JsonValueKind.String)
            {
                throw new MockConfigException(statePath, "must be the name of a mocked response, got " + JsonText.KindOf(state.Value));
            }

            var responseName = state.Value.GetString()!;
            if (!responses.ContainsKey(responseName))
            {
                throw new MockConfigException(statePath, $"mocked response '{responseName}' is not defined in $.{MockedResponsesField}");
            }

            states[state.Name] = responseName;
        }

        return states;
    }

    private static string? OptionalString(JsonElement obj, string path, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new MockConfigException(PathText.Child(path, name), "must be a string, got " + JsonText.KindOf(value));
    }

    private static JsonElement Required(JsonElement obj, string path, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw new MockConfigException(PathText.Child(path, name), "required");

    private static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MockConfigException(path, "must be an object, got " + JsonText.KindOf(element));
        }

        if (JsonText.DuplicateProperty(element) is { } duplicate)
        {
            throw new MockConfigException(PathText.Child(path, duplicate), "defined more than once");
        }
    }
}
