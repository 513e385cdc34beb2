namespace PurchasePipeline.Aws.Tests.Support;

/// <summary>What the fake endpoint answers: status, body and headers (x-amzn-RequestId is added when absent).</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Ok(string body) => new(200, body);

    /// <summary>A JSON-protocol error as AWS sends it: <c>__type</c> and <c>message</c>.</summary>
    public static ScriptedResponse Error(int status, string code, string message) =>
        new(status, $$"""{"__type":"com.amazonaws.service#{{code}}","message":"{{message}}"}""");
}
