using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// The query protocol's XML from a model: an operation's response (its output shape's members, filled as
/// <see cref="SampleResponse"/> fills them, inside the model's resultWrapper, in the service's xmlNamespace)
/// and an error response for one of the model's exception shapes.
/// </summary>
internal sealed class QuerySampleResponse(ServiceModel model)
{
    private XNamespace Namespace => (string)model.Metadata["xmlNamespace"]!;

    public string Build(string operation)
    {
        var output = model.Operation(operation)["output"]!;
        var result = new XElement(Namespace + (string)output["resultWrapper"]!);
        foreach (var (name, value) in new SampleResponse(model).Build((string)output["shape"]!))
        {
            result.Add(new XElement(Namespace + name, value is JsonValue scalar ? scalar.ToString() : throw new NotSupportedException($"{name}: only scalar members are sampled")));
        }

        return new XElement(Namespace + (operation + "Response"),
            result,
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", "sample-request-id"))).ToString();
    }

    /// <summary>An exception shape as the service sends it: its error.code (the shape name when none), Sender or Receiver.</summary>
    public (int Status, string Body) Error(string shapeName, string message, string requestId = "rid-xml")
    {
        var error = model.Shape(shapeName)["error"];
        var code = (string?)error?["code"] ?? shapeName;
        var status = (int?)error?["httpStatusCode"] ?? 400;
        return (status, ErrorBody(code, message, status >= 500 ? "Receiver" : "Sender", requestId));
    }

    public string ErrorBody(string code, string message, string type = "Sender", string requestId = "rid-xml") =>
        new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", type),
                new XElement(Namespace + "Code", code),
                new XElement(Namespace + "Message", message)),
            new XElement(Namespace + "RequestId", requestId)).ToString();
}
