using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// Builds a response body from a model's output shape: every body member filled (strings with the first
/// enum value, else <c>sample-{Member}</c>; numbers 1; timestamps as epoch seconds; one element per list),
/// so our parsers read exactly the members and types the model defines.
/// </summary>
internal sealed class SampleResponse(ServiceModel model)
{
    private const int MaxDepth = 8;

    public JsonObject Build(string shapeName) => (JsonObject)Value(shapeName, "Response", 0)!;

    private JsonNode? Value(string shapeName, string member, int depth)
    {
        var shape = model.Shape(shapeName);
        return (string)shape["type"]! switch
        {
            "structure" => Structure(shape, depth),
            "list" => depth >= MaxDepth ? new JsonArray() : new JsonArray(Value((string)shape["member"]!["shape"]!, member, depth + 1)),
            "map" => depth >= MaxDepth ? new JsonObject() : new JsonObject { ["key"] = Value((string)shape["value"]!["shape"]!, member, depth + 1) },
            "string" => shape["enum"] is JsonArray values ? JsonValue.Create((string)values[0]!) : JsonValue.Create("sample-" + member),
            "integer" or "long" => JsonValue.Create(1),
            "double" or "float" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "timestamp" => JsonValue.Create(1_700_000_000.25),
            "blob" => JsonValue.Create("AA=="),
            "document" => new JsonObject(),
            var other => throw new InvalidOperationException($"shape {shapeName} has an unknown type {other}"),
        };
    }

    private JsonObject Structure(JsonObject shape, int depth)
    {
        var body = new JsonObject();
        if (depth >= MaxDepth)
        {
            return body;
        }

        foreach (var (name, member) in shape["members"]!.AsObject())
        {
            // Header, status-code and URI members do not travel in a REST-JSON body.
            if (member!["location"] is null)
            {
                body[name] = Value((string)member["shape"]!, name, depth + 1);
            }
        }

        return body;
    }
}
