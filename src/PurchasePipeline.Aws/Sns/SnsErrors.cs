namespace PurchasePipeline.Aws.Sns;

/// <summary>
/// The error names Step Functions' sns:publish integration reports, which a definition's Retry and Catch
/// match: <c>SNS.</c> and the model's exception shape, always ending in Exception (SNS.NotFoundException,
/// SNS.KMSOptInRequiredException). A code the model does not define is named the same way (SNS.ThrottlingException).
/// </summary>
public static class SnsErrors
{
    /// <summary>What a failure without an SNS error code is named: no response, or one that is not SNS's (a gateway's 502).</summary>
    public const string TaskFailed = "States.TaskFailed";

    private const string Suffix = "Exception";

    // The model's error codes whose exception shape is not simply the code plus "Exception"; the tests check
    // every exception shape of the model against this rule.
    private static readonly Dictionary<string, string> ShapeByCode = new(StringComparer.Ordinal)
    {
        ["ParameterValueInvalid"] = "InvalidParameterValueException",
    };

    /// <summary>The Step Functions error name of a failed Publish (<see cref="SnsClient"/>'s typed errors carry the code).</summary>
    public static string StatesErrorName(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data["AwsErrorCode"] is string { Length: > 0 } code && !Protocol.AwsError.IsStatusOnly(code) ? StatesErrorName(code) : TaskFailed;
    }

    /// <summary>The Step Functions error name of an SNS error code (the model's error.code).</summary>
    public static string StatesErrorName(string errorCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        var shape = ShapeByCode.GetValueOrDefault(errorCode, errorCode);
        return "SNS." + (shape.EndsWith(Suffix, StringComparison.Ordinal) ? shape : shape + Suffix);
    }
}
