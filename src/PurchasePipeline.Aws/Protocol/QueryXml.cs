using System.Xml;
using System.Xml.Linq;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Reads the query protocol's XML: <c>&lt;{Operation}Response&gt;&lt;{Operation}Result&gt;…</c> on success,
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c> on failure. Elements are
/// matched by local name (the service's xmlNamespace is not checked); DTDs are refused.
/// </summary>
internal static class QueryXml
{
    /// <summary>The operation's result element (the model's resultWrapper); an empty one when the response has none.</summary>
    /// <exception cref="InvalidServiceResponseException">The body is not XML, or not the operation's response.</exception>
    public static XElement Result(AwsService service, string operation, byte[] body, string requestId)
    {
        var root = Load(body) ?? throw new InvalidServiceResponseException(service.ServiceId, operation, "the body is not XML", requestId);
        if (root.Name.LocalName != operation + "Response")
        {
            throw new InvalidServiceResponseException(service.ServiceId, operation, $"the body is <{root.Name.LocalName}>, not <{operation}Response>", requestId);
        }

        return Child(root, operation + "Result") ?? new XElement(operation + "Result");
    }

    /// <summary>
    /// The error's code and message; the request id of the header, else the body's. A body that is not an
    /// XML error still gives an error (code <c>HttpStatus{N}</c>).
    /// </summary>
    public static AwsError Error(int statusCode, byte[] body, string requestId)
    {
        var root = Load(body);
        var error = root is null ? null : Child(root, "Error") ?? (root.Name.LocalName == "Error" ? root : null);
        var code = Text(error, "Code");
        var message = error is null ? "the error response is not XML" : Text(error, "Message") ?? "(no message)";
        var bodyRequestId = root is null ? null : Text(root, "RequestId") ?? Text(error, "RequestId");
        return new AwsError(
            code ?? AwsError.StatusOnlyCode(statusCode), message, statusCode,
            requestId == AwsClient.UnknownRequestId && bodyRequestId is not null ? bodyRequestId : requestId);
    }

    /// <summary>The text of a direct child element, trimmed; null when absent or empty.</summary>
    public static string? Text(XElement? parent, string name) =>
        Child(parent, name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static XElement? Load(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
