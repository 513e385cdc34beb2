namespace PurchasePipeline.States.Mocks;

/// <summary>
/// A Step Functions Local mock config (MockConfigFile.json): test cases that map Task states to mocked
/// responses, so existing mock files run unchanged on the embedded engine.
/// </summary>
/// <remarks>
/// Format: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html. Invocations
/// are counted per state per execution from 0, retries included ("1-2" are the first and second retries
/// in the guide's RetryPath example: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html).
/// </remarks>
public sealed class MockConfig
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> stateMachines;
    private readonly Dictionary<string, MockedResponse> responses;

    private MockConfig(
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> stateMachines,
        Dictionary<string, MockedResponse> responses)
    {
        this.stateMachines = stateMachines;
        this.responses = responses;
    }

    /// <summary>The state machines the config has test cases for.</summary>
    public IReadOnlyCollection<string> StateMachineNames => stateMachines.Keys;

    /// <summary>Reads and checks a whole mock config.</summary>
    /// <exception cref="MockConfigException">Not JSON, not the format, a test case naming an undefined
    /// response, a bad or overlapping invocation range, or a response with both Return and Throw.</exception>
    public static MockConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (machines, mockedResponses) = MockConfigReader.Read(json);
        return new MockConfig(machines, mockedResponses);
    }

    /// <summary>An invoker answering from one test case; a Task state the test case does not mock fails.</summary>
    /// <exception cref="MockConfigException">The config has no such state machine or test case.</exception>
    public ITaskInvoker CreateInvoker(string stateMachineName, string testCase) => CreateInvoker(stateMachineName, testCase, unmocked: null);

    /// <summary>
    /// An invoker answering from one test case, passing Task states the test case does not mock to
    /// <paramref name="unmocked"/>, as Step Functions Local calls the real service for them (the guide's HybridPath).
    /// </summary>
    /// <exception cref="MockConfigException">The config has no such state machine or test case.</exception>
    public ITaskInvoker CreateInvoker(string stateMachineName, string testCase, ITaskInvoker? unmocked)
    {
        ArgumentNullException.ThrowIfNull(stateMachineName);
        ArgumentNullException.ThrowIfNull(testCase);
        if (!stateMachines.TryGetValue(stateMachineName, out var testCases))
        {
            throw new MockConfigException("$.StateMachines", $"no state machine named '{stateMachineName}' (the config has {Names(stateMachines.Keys)})");
        }

        if (!testCases.TryGetValue(testCase, out var states))
        {
            throw new MockConfigException(
                Validation.PathText.Child(Validation.PathText.Child("$.StateMachines", stateMachineName), "TestCases"),
                $"no test case named '{testCase}' (state machine '{stateMachineName}' has {Names(testCases.Keys)})");
        }

        var mocked = states.ToDictionary(s => s.Key, s => responses[s.Value], StringComparer.Ordinal);
        return new MockTaskInvoker(stateMachineName, testCase, mocked, unmocked);
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Select(n => "'" + n + "'").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
