using PurchasePipeline.States.Mocks;

namespace PurchasePipeline.States.Tests;

// Format: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
public sealed class MockConfigTests
{
    private const string Valid = """
        {"StateMachines": {"M": {"TestCases": {"T": {"S": "StartOk"}}}},
         "MockedResponses": {"StartOk": {"0": {"Return": {}}}}}
        """;

    [Fact]
    public void Parse_GuideExample_ListsItsStateMachine()
    {
        var config = MockTaskInvokerTests.LoadGuideConfig();

        Assert.Equal(["LambdaSQSIntegration"], config.StateMachineNames);
    }

    [Fact]
    public void CreateInvoker_UnknownStateMachine_NamesTheKnownOnes()
    {
        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse(Valid).CreateInvoker("Other", "T"));

        Assert.Equal("$.StateMachines: no state machine named 'Other' (the config has 'M')", e.Message);
        Assert.Equal("$.StateMachines", e.Path);
    }

    [Fact]
    public void CreateInvoker_UnknownTestCase_NamesTheKnownOnes()
    {
        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse(Valid).CreateInvoker("M", "Sad"));

        Assert.Equal("$.StateMachines.M.TestCases: no test case named 'Sad' (state machine 'M' has 'T')", e.Message);
    }

    [Theory]
    [InlineData("""{"0": {"Return": {}}, "2-1": {"Return": {}}}""", "$.MockedResponses.StartOk.2-1: range end before start")]
    [InlineData("""{"0-2": {"Return": {}}, "1": {"Return": {}}}""", "$.MockedResponses.StartOk.1: overlaps the invocations of '0-2'")]
    [InlineData("""{"0": {"Return": {}, "Throw": {"Error": "E"}}}""", "$.MockedResponses.StartOk.0: has both Return and Throw; give exactly one")]
    [InlineData("""{"0": {}}""", "$.MockedResponses.StartOk.0: needs Return or Throw")]
    [InlineData("""{"0": {"Return": {}, "Retrun": {}}}""", "$.MockedResponses.StartOk.0.Retrun: unknown field; a response has Return or Throw")]
    [InlineData("""{"first": {"Return": {}}}""", "$.MockedResponses.StartOk.first: the key must be an invocation number such as \"0\" or an inclusive range such as \"1-2\"")]
    [InlineData("""{"1 - 2": {"Return": {}}}""", "$.MockedResponses.StartOk['1 - 2']: the key must be an invocation number such as \"0\" or an inclusive range such as \"1-2\"")]
    [InlineData("""{"-1": {"Return": {}}}""", "$.MockedResponses.StartOk.-1: the key must be an invocation number such as \"0\" or an inclusive range such as \"1-2\"")]
    [InlineData("""{"0": {"Throw": {"Cause": "c"}}}""", "$.MockedResponses.StartOk.0.Throw.Error: required")]
    [InlineData("""{"0": {"Throw": {"Error": 1}}}""", "$.MockedResponses.StartOk.0.Throw.Error: must be a string, got a number")]
    [InlineData("""{"0": {"Throw": "E"}}""", "$.MockedResponses.StartOk.0.Throw: must be an object, got a string")]
    [InlineData("""{}""", "$.MockedResponses.StartOk: defines no invocations; give at least \"0\"")]
    [InlineData("""{"0": {"Return": 1}, "0": {"Return": 2}}""", "$.MockedResponses.StartOk.0: defined more than once")]
    public void Parse_BadMockedResponse_FailsAtItsPath(string response, string expected)
    {
        var json = """{"StateMachines": {"M": {"TestCases": {"T": {"S": "StartOk"}}}}, "MockedResponses": {"StartOk": """ + response + "}}";

        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse(json));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("""{"M": {"TestCases": {"T": {"S": "Missing"}}}}""", "$.StateMachines.M.TestCases.T.S: mocked response 'Missing' is not defined in $.MockedResponses")]
    [InlineData("""{"M": {"TestCases": {"T": {"S": 3}}}}""", "$.StateMachines.M.TestCases.T.S: must be the name of a mocked response, got a number")]
    [InlineData("""{"M": {"TestCases": {"T": ["S"]}}}""", "$.StateMachines.M.TestCases.T: must be an object, got an array")]
    [InlineData("""{"M": {}}""", "$.StateMachines.M.TestCases: required")]
    [InlineData("""{"M": {"TestCases": {}, "Cases": {}}}""", "$.StateMachines.M.Cases: unknown field; a state machine has only TestCases")]
    [InlineData("""{"My Machine": {"TestCases": {"T": {"My State": "Nope"}}}}""", "$.StateMachines['My Machine'].TestCases.T['My State']: mocked response 'Nope' is not defined in $.MockedResponses")]
    public void Parse_BadStateMachine_FailsAtItsPath(string machines, string expected)
    {
        var json = """{"StateMachines": """ + machines + """, "MockedResponses": {"StartOk": {"0": {"Return": {}}}}}""";

        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse(json));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("""{"StateMachines": {}}""", "$.MockedResponses: required")]
    [InlineData("""{"MockedResponses": {}}""", "$.StateMachines: required")]
    [InlineData("""{"StateMachines": {}, "MockedResponse": {}}""", "$.MockedResponse: unknown field; a mock config has only StateMachines and MockedResponses")]
    [InlineData("""[]""", "$: must be an object, got an array")]
    public void Parse_BadTopLevel_FailsAtItsPath(string json, string expected)
    {
        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse(json));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Parse_NotJson_ReportsLineAndPosition()
    {
        var e = Assert.Throws<MockConfigException>(() => MockConfig.Parse("{\n  \"StateMachines\": {,\n}"));

        Assert.StartsWith("$: not valid JSON at line 2, position 21", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GapBetweenInvocations_IsAllowedUntilTheGapIsInvoked()
    {
        // Step Functions Local fails the execution only when an invocation without a response happens.
        var json = """{"StateMachines": {}, "MockedResponses": {"R": {"0": {"Return": 1}, "2": {"Return": 3}}}}""";

        Assert.Empty(MockConfig.Parse(json).StateMachineNames);
    }
}
