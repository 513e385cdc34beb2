namespace PurchasePipeline.States.Tests;

// Parallel branches and Map item processors are state machines of their own:
// https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html,
// https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html
public sealed class ValidationNestedTests
{
    [Fact]
    public void Validate_ProblemInsideAParallelBranch_HasTheBranchPath()
    {
        const string json = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}},
              {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": -1, "End": true}}}
            ]}}}
            """;

        Assert.Equal(["$.States.P.Branches[1].States.W.Seconds: must be a non-negative integer"], Asl.Problems(json));
    }

    [Fact]
    public void Validate_BranchStateGoingToAnOuterState_IsNotInItsScope()
    {
        const string json = """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "After", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "After"}}}]},
              "After": {"Type": "Succeed"}}}
            """;

        Assert.Equal(["$.States.P.Branches[0].States.A.Next: 'After' is not a state in $.States.P.Branches[0].States"], Asl.Problems(json));
    }

    [Fact]
    public void Validate_ProblemsInsideAMap_HaveTheItemProcessorPath()
    {
        const string json = """
            {"StartAt": "MyMap", "States": {"MyMap": {"Type": "Map", "End": true, "ItemsPath": "$.items", "MaxConcurrency": 1,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "X", "States": {
                "X": {"Type": "Task", "Next": "Y"},
                "Y": {"Type": "Succeed"},
                "Z": {"Type": "Succeed"}}}}}}
            """;

        Assert.Equal(
            [
                "$.States.MyMap.ItemProcessor.States.X.Resource: required",
                "$.States.MyMap.ItemProcessor.States.Z: unreachable: no transition from StartAt leads here",
            ],
            Asl.Problems(json));
    }

    [Fact]
    public void Validate_MapWithIterator_IsCheckedLikeItemProcessor()
    {
        const string json = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "Parameters": {"i.$": "$$.Map.Item.Value"},
              "Iterator": {"StartAt": "X", "States": {"X": {"Type": "Pass"}}}}}}
            """;

        Assert.Equal(["$.States.M.Iterator.States.X: needs Next or \"End\": true"], Asl.Problems(json));
    }

    [Theory]
    [InlineData("""{"Type": "Map", "Next": "Done"}""", "$.States.S: needs ItemProcessor (or the older Iterator)")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}, "Iterator": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}""", "$.States.S: has ItemProcessor and Iterator; give at most one of ItemProcessor or Iterator")]
    [InlineData("""{"Type": "Map", "Next": "Done", "MaxConcurrency": -1, "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}""", "$.States.S.MaxConcurrency: must be a non-negative integer")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemsPath": "$.a[*]", "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}""", "$.States.S.ItemsPath: must be a reference path (no *, .., filters, unions or slices), got '$.a[*]'")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemProcessor": {"ProcessorConfig": {"Mode": "PARALLEL"}, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}""", "$.States.S.ItemProcessor.ProcessorConfig.Mode: must be INLINE or DISTRIBUTED, got 'PARALLEL'")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemSelector": {}, "Parameters": {}, "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}""", "$.States.S: has ItemSelector and Parameters; give at most one of ItemSelector or Parameters")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ToleratedFailurePercentage": 101, "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}""", "$.States.S.ToleratedFailurePercentage: must be a number from 0 to 100")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Version": "1.0"}}""", "$.States.S.ItemProcessor.Version: unknown field for an ItemProcessor")]
    [InlineData("""{"Type": "Map", "Next": "Done", "ItemProcessor": {"StartAt": "A"}}""", "$.States.S.ItemProcessor.States: required")]
    [InlineData("""{"Type": "Parallel", "Next": "Done"}""", "$.States.S.Branches: required")]
    [InlineData("""{"Type": "Parallel", "Next": "Done", "Branches": []}""", "$.States.S.Branches: must be a non-empty array of branches")]
    [InlineData("""{"Type": "Parallel", "Next": "Done", "Branches": [{"States": {"A": {"Type": "Succeed"}}}]}""", "$.States.S.Branches[0].StartAt: required")]
    [InlineData("""{"Type": "Parallel", "Next": "Done", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "TimeoutSeconds": 5}]}""", "$.States.S.Branches[0].TimeoutSeconds: unknown field for a Parallel branch")]
    public void Validate_BadParallelOrMap_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    [Fact]
    public void Validate_SameStateNameInTwoBranches_IsReported()
    {
        // "State names MUST be unique within the scope of the whole state machine" (states-language.net).
        const string json = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Same", "States": {"Same": {"Type": "Succeed"}}},
              {"StartAt": "Same", "States": {"Same": {"Type": "Succeed"}}}]}}}
            """;

        Assert.Equal(
            ["$.States.P.Branches[1].States.Same: the name 'Same' is already used at $.States.P.Branches[0].States.Same; state names are unique in the whole state machine"],
            Asl.Problems(json));
    }
}
