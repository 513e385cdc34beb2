using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Tests.Models;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// The model-checked core of a contract fake for a JSON-protocol service: a request that does not fit its
/// operation's input shape is refused as AWS refuses it (400 ValidationException), and a response the fake
/// builds must fit the output shape (else a 500 naming the problems fails the test), so a fake cannot
/// drift from botocore's model of the real service (or aws-sdk's current one, for members added since).
/// </summary>
internal sealed class ModelCheckedService(string modelName, string targetPrefix, ModelSource source = ModelSource.Botocore)
{
    private readonly ServiceModel model = ServiceModel.Load(modelName, source);

    /// <summary>Answers one request: <paramref name="serve"/> gets the operation and its parsed body.</summary>
    public ScriptedResponse Answer(RecordedRequest request, Func<string, JsonNode, ScriptedResponse> serve)
    {
        var target = request.Header("X-Amz-Target") ?? string.Empty;
        if (!target.StartsWith(targetPrefix + ".", StringComparison.Ordinal))
        {
            return ScriptedResponse.Error(400, "UnknownOperationException", $"no operation {target}");
        }

        var operation = target[(targetPrefix.Length + 1)..];
        var body = JsonNode.Parse(request.BodyText) ?? new JsonObject();
        var checker = new ShapeChecker(model);
        var refused = checker.Check(body, model.InputShape(operation), "$");
        if (refused.Count > 0)
        {
            return ScriptedResponse.Error(400, "ValidationException", string.Join("; ", refused));
        }

        var response = serve(operation, body);
        if (response.Status != 200)
        {
            return response;
        }

        var problems = checker.Check(JsonNode.Parse(response.Body), model.OutputShape(operation), "$");
        return problems.Count == 0
            ? response
            : new ScriptedResponse(500, Mismatch($"the fake's {operation} response does not fit the model: " + string.Join("; ", problems)));
    }

    private static string Mismatch(string message) => new JsonObject { ["__type"] = "FakeModelMismatch", ["message"] = message }.ToJsonString();
}
