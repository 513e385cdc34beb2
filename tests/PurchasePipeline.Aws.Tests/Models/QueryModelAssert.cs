using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Checks a recorded query-protocol request (SNS) against the model: route, Action, Version, form members, signature scope.</summary>
internal static class QueryModelAssert
{
    /// <summary>Our service descriptor names the model's protocol and API version (what the query protocol sends as Version).</summary>
    public static void DescribesModel(AwsService service, ServiceModel model)
    {
        Assert.Equal("query", model.Protocol);
        Assert.Equal(model.Protocol, service.Protocol);
        Assert.Equal((string)model.Metadata["apiVersion"]!, service.ApiVersion);
    }

    /// <summary>
    /// POST to the model's requestUri, form-encoded, Action and Version as the model says; every other form
    /// member is a member of the input shape and the input's required members are there. Returns the members.
    /// </summary>
    public static JsonObject QueryRequest(ServiceModel model, string operation, RecordedRequest request, AwsService service)
    {
        Assert.Equal("query", model.Protocol);
        var http = model.Operation(operation)["http"]!;
        Assert.Equal((string)http["method"]!, request.Method);
        Assert.Equal((string)http["requestUri"]!, request.RawPath);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));

        var form = Form(request.BodyText);
        Assert.Equal(operation, (string?)form["Action"]);
        Assert.Equal((string)model.Metadata["apiVersion"]!, (string?)form["Version"]);
        form.Remove("Action");
        form.Remove("Version");
        var problems = new ShapeChecker(model).Check(form, model.InputShape(operation), "$");
        Assert.True(problems.Count == 0, $"{operation} request does not fit the model:\n" + string.Join("\n", problems));
        ModelAssert.Signed(request, service);
        return form;
    }

    /// <summary>The form's members, each name and value percent-decoded; a name sent twice fails.</summary>
    public static JsonObject Form(string body)
    {
        var form = new JsonObject();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"form member without '=': {pair}");
            form.Add(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
        }

        return form;
    }
}
