using System.Text.Json;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>An error response of the JSON and REST-JSON protocols: its code, message, HTTP status and request id.</summary>
internal sealed record AwsError(string Code, string Message, int StatusCode, string RequestId)
{
    /// <summary>
    /// Reads the code from <c>x-amzn-ErrorType</c> or the body's <c>__type</c>/<c>code</c>, dropping the
    /// namespace (<c>com.amazonaws.glue#</c>) and any <c>:http://…</c> suffix; a body that is not JSON still
    /// gives an error (its code from the header, else <c>HttpStatus{N}</c>).
    /// </summary>
    public static AwsError Parse(int statusCode, string? errorTypeHeader, ReadOnlySpan<byte> body, string requestId)
    {
        string? code = errorTypeHeader;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                code ??= Text(document.RootElement, "__type") ?? Text(document.RootElement, "code") ?? Text(document.RootElement, "Code");
                message = Text(document.RootElement, "message") ?? Text(document.RootElement, "Message") ?? Text(document.RootElement, "errorMessage");
            }
        }
        catch (JsonException)
        {
            message = "the error response is not JSON";
        }

        return new AwsError(Clean(code) ?? StatusOnlyCode(statusCode), message ?? "(no message)", statusCode, requestId);
    }

    /// <summary>The code of an error response that named none: <c>HttpStatus{N}</c>.</summary>
    public static string StatusOnlyCode(int statusCode) => "HttpStatus" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the code is <see cref="StatusOnlyCode"/>'s, not the service's.</summary>
    public static bool IsStatusOnly(string code) =>
        code.StartsWith("HttpStatus", StringComparison.Ordinal) && code.Length > 10 && code[10..].All(char.IsAsciiDigit);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var trimmed = colon >= 0 ? code[..colon] : code;
        var hash = trimmed.LastIndexOf('#');
        return (hash >= 0 ? trimmed[(hash + 1)..] : trimmed).Trim();
    }
}
