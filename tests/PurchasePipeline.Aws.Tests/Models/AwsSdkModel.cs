using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// Reads aws-sdk v2's minified model (apis/&lt;prefix&gt;-&lt;version&gt;.min.json) into botocore's shape: the
/// min.json inlines every shape used once (operation input and output included), names shared shapes S1, S2…,
/// leaves out a string's type and a POST / operation's http, and drops documentation, enums, patterns,
/// min/max and errors. Inline shapes get a name from their path (GetJobRun.input.JobRun…); the omitted
/// parts get aws-sdk's own defaults (lib/model/shape.js, lib/model/operation.js).
/// </summary>
internal static class AwsSdkModel
{
    // Keys of a member reference (they stay beside "shape"); every other key describes the shape itself.
    private static readonly HashSet<string> ReferenceKeys =
    [
        "shape", "location", "locationName", "resultWrapper", "idempotencyToken", "jsonvalue", "hostLabel",
        "deprecated", "deprecatedMessage", "xmlNamespace", "xmlAttribute", "queryName", "contextParam", "box",
    ];

    public static JsonObject ToBotocoreShape(JsonObject min)
    {
        var shapes = new JsonObject();
        foreach (var (name, shape) in min["shapes"]!.AsObject())
        {
            Add(shapes, name, shape!.AsObject());
        }

        var operations = new JsonObject();
        foreach (var (name, source) in min["operations"]!.AsObject())
        {
            var operation = new JsonObject { ["name"] = name };
            foreach (var (key, value) in source!.AsObject())
            {
                operation[key] = key is "input" or "output" ? Reference(shapes, value!.AsObject(), $"{name}.{key}") : value?.DeepClone();
            }

            operation["http"] ??= new JsonObject { ["method"] = "POST", ["requestUri"] = "/" };
            operations[name] = operation;
        }

        return new JsonObject { ["metadata"] = min["metadata"]!.DeepClone(), ["operations"] = operations, ["shapes"] = shapes };
    }

    /// <summary>A reference to the node's shape: a shared one as it is, an inline one added to the shapes under its path.</summary>
    private static JsonObject Reference(JsonObject shapes, JsonObject node, string path)
    {
        var reference = new JsonObject();
        var shape = new JsonObject();
        foreach (var (key, value) in node)
        {
            (ReferenceKeys.Contains(key) ? reference : shape)[key] = value?.DeepClone();
        }

        if (reference["shape"] is null)
        {
            Add(shapes, path, shape);
            reference["shape"] = path;
        }

        return reference;
    }

    private static void Add(JsonObject shapes, string name, JsonObject source)
    {
        var shape = new JsonObject();
        foreach (var (key, value) in source)
        {
            shape[key] = key switch
            {
                "members" => new JsonObject(value!.AsObject().Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Reference(shapes, m.Value!.AsObject(), $"{name}.{m.Key}")))),
                "member" or "key" or "value" => Reference(shapes, value!.AsObject(), $"{name}.{key}"),
                _ => value?.DeepClone(),
            };
        }

        shape["type"] ??= shape.ContainsKey("members") ? "structure" : shape.ContainsKey("member") ? "list" : shape.ContainsKey("key") ? "map" : "string";
        shapes[name] = shape;
    }
}
