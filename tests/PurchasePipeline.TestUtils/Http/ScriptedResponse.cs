namespace PurchasePipeline.TestUtils.Http;

/// <summary>What the fake endpoint answers: status, body and headers (x-amzn-RequestId is added when absent).</summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Ok(string body) => new(200, body);

    /// <summary>A JSON-protocol error as AWS sends it: <c>__type</c> and <c>message</c>.</summary>
    public static ScriptedResponse Error(int status, string code, string message) =>
        new(status, $$"""{"__type":"com.amazonaws.service#{{code}}","message":"{{message}}"}""");

    /// <summary>SNS's Publish result (query protocol, XML).</summary>
    public static ScriptedResponse SnsPublished(string messageId) => new(200,
        $"""<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>{messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>""");

    /// <summary>A query-protocol (SNS) error.</summary>
    public static ScriptedResponse SnsError(int status, string code, string message) => new(status,
        $"""<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>""");
}
