using System.Globalization;
using System.Text;

namespace PurchasePipeline.TestUtils.Http;

/// <summary>
/// The object bytes of a recorded PutObject request, as S3 stores them. The SDK streams uploads with
/// aws-chunked encoding (SigV4 chunk signatures, trailing checksum); this decodes it as S3 does.
/// </summary>
public static class S3Payload
{
    public static byte[] Decode(RecordedRequest request)
    {
        var streaming = request.Headers.TryGetValue("x-amz-content-sha256", out var sha) && sha.StartsWith("STREAMING-", StringComparison.Ordinal);
        return streaming ? DecodeChunks(request.Body) : request.Body;
    }

    private static byte[] DecodeChunks(byte[] body)
    {
        using var decoded = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = IndexOfCrLf(body, position);
            var header = Encoding.ASCII.GetString(body, position, lineEnd - position);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 2;
            if (size == 0)
            {
                return decoded.ToArray();
            }

            decoded.Write(body, position, size);
            position += size + 2;
        }
    }

    private static int IndexOfCrLf(byte[] body, int start)
    {
        for (var i = start; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                return i;
            }
        }

        throw new InvalidDataException("aws-chunked body without a chunk header line end");
    }
}
