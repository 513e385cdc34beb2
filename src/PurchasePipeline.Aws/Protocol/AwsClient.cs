using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Sends JSON-protocol (X-Amz-Target), REST-JSON and query-protocol (form in, XML out) calls of one service
/// over an <see cref="HttpClient"/> whose handler signs them (SigV4, <see cref="AwsHttp"/>); maps errors to
/// typed exceptions (<see cref="AwsErrors"/>) and retries throttling only (<see cref="ThrottlingRetry"/>).
/// </summary>
internal sealed partial class AwsClient(HttpClient http, AwsService service, Uri endpoint, ThrottlingRetry retry)
{
    /// <summary>The request id of a response that carried none.</summary>
    public const string UnknownRequestId = "unknown";

    private const string RequestIdHeader = "x-amzn-RequestId";

    public AwsService Service => service;

    /// <summary>A JSON 1.0/1.1 call: POST / with <c>X-Amz-Target: {prefix}.{operation}</c>.</summary>
    public Task<AwsReply<TResponse>> CallAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType,
        Func<AwsError, Exception?>? claim, CancellationToken cancellationToken)
    {
        var target = (service.TargetPrefix ?? throw new InvalidOperationException($"{service.ServiceId} is not a JSON-protocol service")) + "." + operation;
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return SendAsync(operation, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(body) };
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
            return message;
        }, JsonBody(operation, responseType), JsonError, claim, cancellationToken);
    }

    /// <summary>A REST-JSON call: the method and the path (already escaped) with an optional JSON body.</summary>
    public Task<AwsReply<TResponse>> CallRestAsync<TResponse>(
        HttpMethod method, string operation, string path, byte[]? body, JsonTypeInfo<TResponse> responseType,
        Func<AwsError, Exception?>? claim, CancellationToken cancellationToken) =>
        SendAsync(operation, () => new HttpRequestMessage(method, new Uri(endpoint, path.TrimStart('/')))
        {
            Content = body is null ? null : Content(body),
        }, JsonBody(operation, responseType), JsonError, claim, cancellationToken);

    /// <summary>Parses a success body; the request id names the response in any error.</summary>
    private delegate TResponse BodyParser<out TResponse>(byte[] body, string requestId);

    /// <summary>Reads an error response: HTTP status, headers, body and request id.</summary>
    private delegate AwsError ErrorParser(HttpResponseMessage response, byte[] body, string requestId);

    private async Task<AwsReply<TResponse>> SendAsync<TResponse>(
        string operation, Func<HttpRequestMessage> build, BodyParser<TResponse> parse, ErrorParser parseError,
        Func<AwsError, Exception?>? claim, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var requestId = RequestId(response);
            if (response.IsSuccessStatusCode)
            {
                retry.OnSuccess();
                return new AwsReply<TResponse>(parse(bytes, requestId), service, operation, requestId);
            }

            var error = parseError(response, bytes, requestId);
            if (!AwsErrors.IsThrottling(error) || attempt >= ThrottlingRetry.MaxAttempts)
            {
                throw AwsErrors.ToException(service, operation, error, claim);
            }

            await retry.DelayAsync(retry.OnThrottled(attempt, RetryAfter(response.Headers.RetryAfter)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static AwsError JsonError(HttpResponseMessage response, byte[] body, string requestId) =>
        AwsError.Parse((int)response.StatusCode, Header(response, "x-amzn-ErrorType"), body, requestId);

    private BodyParser<TResponse> JsonBody<TResponse>(string operation, JsonTypeInfo<TResponse> responseType) =>
        (bytes, requestId) => ParseJson(operation, bytes, responseType, requestId);

    private TResponse ParseJson<TResponse>(string operation, byte[] bytes, JsonTypeInfo<TResponse> responseType, string requestId)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes.Length == 0 ? "{}"u8 : bytes, responseType)
                ?? throw new InvalidServiceResponseException(service.ServiceId, operation, "the body is JSON null", requestId);
        }
        catch (JsonException e)
        {
            throw new InvalidServiceResponseException(service.ServiceId, operation, "the body is not the JSON the model defines: " + e.Message, requestId, e);
        }
    }

    private ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(service.ContentType);
        return content;
    }

    private static string RequestId(HttpResponseMessage response) =>
        Header(response, RequestIdHeader) ?? Header(response, "x-amz-request-id") ?? UnknownRequestId;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header?.Delta;
}
