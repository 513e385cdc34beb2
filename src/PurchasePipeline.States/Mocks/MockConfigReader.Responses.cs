using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.States.Validation;

namespace PurchasePipeline.States.Mocks;

/// <summary>MockedResponses: invocation keys ("0", "1-2"), Return or Throw, no overlaps.</summary>
internal static partial class MockConfigReader
{
    private static Dictionary<string, MockedResponse> ReadResponses(JsonElement element, string path)
    {
        RequireObject(element, path);
        var responses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        foreach (var response in element.EnumerateObject())
        {
            var responsePath = PathText.Child(path, response.Name);
            RequireObject(response.Value, responsePath);
            var steps = new List<MockedStep>();
            foreach (var entry in response.Value.EnumerateObject())
            {
                var step = ReadStep(entry, PathText.Child(responsePath, entry.Name));
                var overlapped = steps.FirstOrDefault(s => s.Overlaps(step));
                if (overlapped is not null)
                {
                    throw new MockConfigException(PathText.Child(responsePath, entry.Name), $"overlaps the invocations of '{overlapped.Key}'");
                }

                steps.Add(step);
            }

            if (steps.Count == 0)
            {
                throw new MockConfigException(responsePath, "defines no invocations; give at least \"0\"");
            }

            responses[response.Name] = new MockedResponse(response.Name, [.. steps.OrderBy(s => s.First)]);
        }

        return responses;
    }

    private static MockedStep ReadStep(JsonProperty entry, string path)
    {
        var match = InvocationKey().Match(entry.Name);
        if (!match.Success
            || !int.TryParse(match.Groups["first"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(match.Groups["last"].Success ? match.Groups["last"].Value : match.Groups["first"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            throw new MockConfigException(path, "the key must be an invocation number such as \"0\" or an inclusive range such as \"1-2\"");
        }

        if (last < first)
        {
            throw new MockConfigException(path, "range end before start");
        }

        var value = entry.Value;
        RequireObject(value, path);
        var hasReturn = value.TryGetProperty("Return", out var returned);
        var hasThrow = value.TryGetProperty("Throw", out var thrown);
        foreach (var field in value.EnumerateObject().Where(f => f.Name is not ("Return" or "Throw")))
        {
            throw new MockConfigException(PathText.Child(path, field.Name), "unknown field; a response has Return or Throw");
        }

        if (hasReturn == hasThrow)
        {
            throw new MockConfigException(path, hasReturn ? "has both Return and Throw; give exactly one" : "needs Return or Throw");
        }

        if (hasReturn)
        {
            return new MockedStep(entry.Name, first, last, JsonNode.Parse(returned.GetRawText()), null, null);
        }

        var throwPath = PathText.Child(path, "Throw");
        RequireObject(thrown, throwPath);
        var error = OptionalString(thrown, throwPath, "Error") ?? throw new MockConfigException(PathText.Child(throwPath, "Error"), "required");
        return new MockedStep(entry.Name, first, last, null, error, OptionalString(thrown, throwPath, "Cause"));
    }

    [GeneratedRegex(@"^(?<first>[0-9]+)(-(?<last>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex InvocationKey();
}
