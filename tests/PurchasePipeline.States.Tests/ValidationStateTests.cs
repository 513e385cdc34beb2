namespace PurchasePipeline.States.Tests;

// Field lists and rules per state type: https://states-language.net/spec.html#state-type-table and the
// guide's state pages, e.g. https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
public sealed class ValidationStateTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:f";

    [Theory]
    [InlineData("""{"Next": "Done"}""", "$.States.S.Type: required")]
    [InlineData("""{"Type": "pass", "Next": "Done"}""", "$.States.S.Type: must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map, got 'pass'")]
    [InlineData("""[]""", "$.States.S: a state must be an object, got an array")]
    public void Validate_BadType_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Type": "Pass", "Resource": "x", "End": true}""", "$.States.S.Resource: unknown field for a Pass state")]
    [InlineData("""{"Type": "Succeed", "Next": "Done"}""", "$.States.S.Next: a Succeed state has no Next")]
    [InlineData("""{"Type": "Fail", "End": true}""", "$.States.S.End: a Fail state has no End")]
    [InlineData("""{"Type": "Fail", "InputPath": "$"}""", "$.States.S.InputPath: unknown field for a Fail state")]
    [InlineData("""{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "Done"}], "Next": "Done"}""", "$.States.S.Next: a Choice state has no Next")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {}, "End": true}""", "$.States.S.Arguments: unknown field for a Task state (Arguments belongs to JSONata states)")]
    [InlineData("""{"Type": "Wait", "Seconds": 1, "ResultPath": "$.x", "Next": "Done"}""", "$.States.S.ResultPath: unknown field for a Wait state")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "QueryLanguage": "JSONata", "End": true}""", "$.States.S.QueryLanguage: JSONata is not supported; the embedded engine runs JSONPath state machines only")]
    public void Validate_FieldNotOfTheType_IsReported(string state, string expected)
    {
        Assert.Contains(expected, Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Type": "Pass", "Next": "Done", "End": true}""", "$.States.S: has both Next and End; give exactly one")]
    [InlineData("""{"Type": "Pass"}""", "$.States.S: needs Next or \"End\": true")]
    [InlineData("""{"Type": "Pass", "End": false}""", "$.States.S: needs Next or \"End\": true")]
    [InlineData("""{"Type": "Pass", "End": "true"}""", "$.States.S.End: must be true or false, got a string")]
    [InlineData("""{"Type": "Pass", "Next": 3}""", "$.States.S.Next: must be a string, got a number")]
    public void Validate_NextAndEnd_ExactlyOne(string state, string expected)
    {
        Assert.Contains(expected, Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Type": "Wait", "Seconds": -1, "Next": "Done"}""", "$.States.S.Seconds: must be a non-negative integer")]
    [InlineData("""{"Type": "Wait", "Seconds": 1.5, "Next": "Done"}""", "$.States.S.Seconds: must be a non-negative integer")]
    [InlineData("""{"Type": "Wait", "Next": "Done"}""", "$.States.S: needs one of Seconds, Timestamp, SecondsPath or TimestampPath")]
    [InlineData("""{"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "Next": "Done"}""", "$.States.S: has Seconds and SecondsPath; give exactly one of Seconds, Timestamp, SecondsPath or TimestampPath")]
    [InlineData("""{"Type": "Wait", "Timestamp": "2016-03-14 01:59:00", "Next": "Done"}""", "$.States.S.Timestamp: must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got '2016-03-14 01:59:00'")]
    [InlineData("""{"Type": "Wait", "Timestamp": "2016-02-30T01:59:00Z", "Next": "Done"}""", "$.States.S.Timestamp: must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got '2016-02-30T01:59:00Z'")]
    [InlineData("""{"Type": "Wait", "SecondsPath": "$.items[*]", "Next": "Done"}""", "$.States.S.SecondsPath: must be a reference path (no *, .., filters, unions or slices), got '$.items[*]'")]
    public void Validate_BadWait_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Type": "Wait", "Seconds": 0, "Next": "Done"}""")]
    [InlineData("""{"Type": "Wait", "Timestamp": "2016-03-14T01:59:00Z", "Next": "Done"}""")]
    [InlineData("""{"Type": "Wait", "Timestamp": "2016-03-14T01:59:00.123+02:00", "Next": "Done"}""")]
    [InlineData("""{"Type": "Wait", "TimestampPath": "$$.Execution.StartTime", "Next": "Done"}""")]
    public void Validate_GoodWait_HasNoProblems(string state)
    {
        Assert.Empty(Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("""{"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}""", "$.States.S: has Error and ErrorPath; give at most one of Error or ErrorPath")]
    [InlineData("""{"Type": "Fail", "Cause": "c", "CausePath": "$.c"}""", "$.States.S: has Cause and CausePath; give at most one of Cause or CausePath")]
    [InlineData("""{"Type": "Fail", "Error": 42}""", "$.States.S.Error: must be a string, got a number")]
    [InlineData("""{"Type": "Fail", "CausePath": "cause"}""", "$.States.S.CausePath: must be a path starting with $ or an intrinsic function such as States.Format(...), got 'cause'")]
    [InlineData("""{"Type": "Fail", "CausePath": "States.Format('{}'"}""", "$.States.S.CausePath: invalid intrinsic function \"States.Format('{}'\": expected ')' but the expression ended at position 18")]
    public void Validate_BadFail_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    [Fact]
    public void Validate_FailWithIntrinsicCausePath_HasNoProblems()
    {
        Assert.Empty(Asl.ProblemsOf("""{"Type": "Fail", "ErrorPath": "$.error", "CausePath": "States.Format('failed: {}', $.cause)"}"""));
    }

    [Theory]
    [InlineData("""{"Type": "Task", "Next": "Done"}""", "$.States.S.Resource: required")]
    [InlineData("""{"Type": "Task", "Resource": "", "Next": "Done"}""", "$.States.S.Resource: must be an ARN (arn:partition:service:region:account:resource) or a ${Placeholder} filled by definition substitutions, got ''")]
    [InlineData("""{"Type": "Task", "Resource": "HelloWorldFunction", "Next": "Done"}""", "$.States.S.Resource: must be an ARN (arn:partition:service:region:account:resource) or a ${Placeholder} filled by definition substitutions, got 'HelloWorldFunction'")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "TimeoutSeconds": 0, "Next": "Done"}""", "$.States.S.TimeoutSeconds: must be a positive integer")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "HeartbeatSeconds": -5, "Next": "Done"}""", "$.States.S.HeartbeatSeconds: must be a positive integer")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "TimeoutSeconds": 60, "HeartbeatSeconds": 60, "Next": "Done"}""", "$.States.S.HeartbeatSeconds: must be less than TimeoutSeconds (60)")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "TimeoutSeconds": 60, "TimeoutSecondsPath": "$.t", "Next": "Done"}""", "$.States.S: has TimeoutSeconds and TimeoutSecondsPath; give at most one of TimeoutSeconds or TimeoutSecondsPath")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "HeartbeatSecondsPath": "h", "Next": "Done"}""", "$.States.S.HeartbeatSecondsPath: must be a path starting with $, got 'h'")]
    [InlineData("""{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Credentials": "role", "Next": "Done"}""", "$.States.S.Credentials: must be an object, got a string")]
    public void Validate_BadTask_IsReported(string state, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:HelloWorld")]
    [InlineData("arn:aws:states:::lambda:invoke")]
    [InlineData("arn:aws:states:::glue:startJobRun.sync")]
    [InlineData("arn:aws-cn:states:cn-north-1:123456789012:activity:Review")]
    [InlineData("${StartCrawlerFunctionArn}")]
    public void Validate_TaskResource_AcceptsArnsAndSubstitutions(string resource)
    {
        Assert.Empty(Asl.ProblemsOf($$"""{"Type": "Task", "Resource": "{{resource}}", "Next": "Done"}"""));
    }

    [Fact]
    public void Validate_TaskWithEverything_HasNoProblems()
    {
        var state = $$"""
            {"Type": "Task", "Resource": "{{Lambda}}", "Comment": "c", "InputPath": "$.in", "OutputPath": "$.out",
             "Parameters": {"a.$": "$.a", "b": [{"c.$": "$$.Execution.Id"}], "d.$": "States.Array($.x)"},
             "ResultSelector": {"r.$": "$.Payload"}, "ResultPath": "$.result",
             "TimeoutSeconds": 300, "HeartbeatSeconds": 60, "Credentials": {"RoleArn.$": "$.role"},
             "Assign": {"count.$": "$.n"}, "Next": "Done"}
            """;

        Assert.Empty(Asl.ProblemsOf(state));
    }

    [Theory]
    [InlineData("InputPath", "\"foo\"", "$.States.S.InputPath: must be a path starting with $, got 'foo'")]
    [InlineData("InputPath", "1", "$.States.S.InputPath: must be a path or null, got a number")]
    [InlineData("OutputPath", "\"$.a[\"", "$.States.S.OutputPath: '$.a[' is not a valid path: unclosed '[' at position 4")]
    [InlineData("OutputPath", "\"$.a b\"", "$.States.S.OutputPath: '$.a b' is not a valid path: unexpected ' ' at position 3")]
    [InlineData("ResultPath", "\"$.a[*]\"", "$.States.S.ResultPath: must be a reference path (no *, .., filters, unions or slices), got '$.a[*]'")]
    [InlineData("ResultPath", "\"$..a\"", "$.States.S.ResultPath: must be a reference path (no *, .., filters, unions or slices), got '$..a'")]
    [InlineData("ResultPath", "\"$$.Execution\"", "$.States.S.ResultPath: must be a reference path into the state's input, starting with $, got '$$.Execution'")]
    [InlineData("ResultPath", "\"$myVariable\"", "$.States.S.ResultPath: must be a reference path into the state's input, starting with $, got '$myVariable'")]
    [InlineData("ResultPath", "\"$.a['b c'][0]\"", null)]
    [InlineData("OutputPath", "\"$$.Execution.Input\"", null)]
    [InlineData("ResultPath", "null", null)]
    [InlineData("InputPath", "null", null)]
    [InlineData("InputPath", "\"$.items[?(@.price > 10)]\"", null)]
    [InlineData("InputPath", "\"$.a[0:2]\"", null)]
    [InlineData("InputPath", "\"$['a b'].c[0]\"", null)]
    [InlineData("InputPath", "\"$\"", null)]
    public void Validate_Paths_CheckedForSyntaxAndReference(string field, string value, string? expected)
    {
        var problems = Asl.ProblemsOf($$"""{"Type": "Pass", "{{field}}": {{value}}, "Next": "Done"}""");

        Assert.Equal(expected is null ? [] : [expected], problems);
    }

    [Theory]
    [InlineData("""{"x.$": "x"}""", "$.States.S.Parameters['x.$']: must be a path starting with $ or an intrinsic function such as States.Format(...), got 'x'")]
    [InlineData("""{"x.$": 5}""", "$.States.S.Parameters['x.$']: a \".$\" field must be a path or an intrinsic function (a string), got a number")]
    [InlineData("""{"x.$": "States.Nope($.a)"}""", "$.States.S.Parameters['x.$']: 'States.Nope' is not an intrinsic function (in \"States.Nope($.a)\")")]
    [InlineData("""{"x.$": "States.ArrayLength()"}""", "$.States.S.Parameters['x.$']: States.ArrayLength takes 1 argument, got 0")]
    [InlineData("""{"deep": [{"x.$": "$.a["}]}""", "$.States.S.Parameters.deep[0]['x.$']: '$.a[' is not a valid path: unclosed '[' at position 4")]
    [InlineData("""{"x": 1, "x.$": "$.x"}""", "$.States.S.Parameters['x.$']: 'x' is also given; a field is either static or \".$\"")]
    [InlineData("\"text\"", "$.States.S.Parameters: must be an object, got a string")]
    public void Validate_PayloadTemplates_CheckDollarFields(string parameters, string expected)
    {
        Assert.Equal([expected], Asl.ProblemsOf($$"""{"Type": "Pass", "Parameters": {{parameters}}, "Next": "Done"}"""));
    }
}
