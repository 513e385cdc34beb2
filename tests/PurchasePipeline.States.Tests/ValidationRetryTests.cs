namespace PurchasePipeline.States.Tests;

// Retry and Catch: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
public sealed class ValidationRetryTests
{
    [Fact]
    public void Validate_FullRetrierAndCatcher_HaveNoProblems()
    {
        const string retry = """
            [{"ErrorEquals": ["Lambda.TooManyRequestsException", "Lambda.ServiceException"], "IntervalSeconds": 2, "MaxAttempts": 0,
              "BackoffRate": 1.5, "MaxDelaySeconds": 30, "JitterStrategy": "FULL", "Comment": "c"},
             {"ErrorEquals": ["States.ALL"]}]
            """;
        const string catcher = """[{"ErrorEquals": ["States.ALL"], "Next": "Done", "ResultPath": "$.error", "Comment": "c"}]""";

        Assert.Empty(Asl.ProblemsOf(Task(retry, catcher)));
    }

    [Theory]
    [InlineData("""[{"IntervalSeconds": 1}]""", "$.States.S.Retry[0].ErrorEquals: required")]
    [InlineData("""[{"ErrorEquals": []}]""", "$.States.S.Retry[0].ErrorEquals: must be a non-empty array of error names")]
    [InlineData("""[{"ErrorEquals": "States.ALL"}]""", "$.States.S.Retry[0].ErrorEquals: must be a non-empty array of error names")]
    [InlineData("""[{"ErrorEquals": ["States.ALL", "States.Timeout"]}]""", "$.States.S.Retry[0].ErrorEquals: States.ALL must appear alone")]
    [InlineData("""[{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["States.Timeout"]}]""", "$.States.S.Retry[0]: the retrier matching States.ALL must be the last one")]
    [InlineData("""[{"ErrorEquals": ["E"], "MaxAttempts": -1}]""", "$.States.S.Retry[0].MaxAttempts: must be a non-negative integer")]
    [InlineData("""[{"ErrorEquals": ["E"], "BackoffRate": 0.5}]""", "$.States.S.Retry[0].BackoffRate: must be a number of at least 1.0")]
    [InlineData("""[{"ErrorEquals": ["E"], "IntervalSeconds": 0}]""", "$.States.S.Retry[0].IntervalSeconds: must be a positive integer")]
    [InlineData("""[{"ErrorEquals": ["E"], "MaxDelaySeconds": 0}]""", "$.States.S.Retry[0].MaxDelaySeconds: must be a positive integer of at most 31622400")]
    [InlineData("""[{"ErrorEquals": ["E"], "MaxDelaySeconds": 31622401}]""", "$.States.S.Retry[0].MaxDelaySeconds: must be a positive integer of at most 31622400")]
    [InlineData("""[{"ErrorEquals": ["E"], "JitterStrategy": "HALF"}]""", "$.States.S.Retry[0].JitterStrategy: must be FULL or NONE, got 'HALF'")]
    [InlineData("""[{"ErrorEquals": ["E"], "Backoff": 2}]""", "$.States.S.Retry[0].Backoff: unknown field for a retrier")]
    [InlineData("""{"ErrorEquals": ["E"]}""", "$.States.S.Retry: must be an array, got an object")]
    [InlineData("""["E"]""", "$.States.S.Retry[0]: must be an object, got a string")]
    public void Validate_BadRetrier_IsReported(string retry, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(Task(retry, catcher: null)));
    }

    [Theory]
    [InlineData("""[{"ErrorEquals": ["E"]}]""", "$.States.S.Catch[0].Next: required")]
    [InlineData("""[{"ErrorEquals": ["E"], "Next": "Gone"}]""", "$.States.S.Catch[0].Next: 'Gone' is not a state in $.States")]
    [InlineData("""[{"ErrorEquals": ["E"], "Next": "Done", "ResultPath": "$.e[*]"}]""", "$.States.S.Catch[0].ResultPath: must be a reference path (no *, .., filters, unions or slices), got '$.e[*]'")]
    [InlineData("""[{"ErrorEquals": ["States.ALL"], "Next": "Done"}, {"ErrorEquals": ["E"], "Next": "Done"}]""", "$.States.S.Catch[0]: the catcher matching States.ALL must be the last one")]
    [InlineData("""[{"ErrorEquals": ["E"], "Next": "Done", "MaxAttempts": 1}]""", "$.States.S.Catch[0].MaxAttempts: unknown field for a catcher")]
    public void Validate_BadCatcher_IsReported(string catcher, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(Task(retry: null, catcher)));
    }

    [Fact]
    public void Validate_RetryOnAPassState_IsUnknown()
    {
        var problems = Asl.ProblemsOf("""{"Type": "Pass", "Retry": [], "Next": "Done"}""");

        Assert.Equal(["$.States.S.Retry: unknown field for a Pass state"], problems);
    }

    private static string Task(string? retry, string? catcher) =>
        """{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done" """
        + (retry is null ? string.Empty : ", \"Retry\": " + retry)
        + (catcher is null ? string.Empty : ", \"Catch\": " + catcher)
        + "}";
}
