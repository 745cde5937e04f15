using System;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>A JSON-RPC error response to one of our requests.</summary>
public sealed class JsonRpcException(string method, int code, string message)
    : Exception($"{method} failed with JSON-RPC error {code}: {message}")
{
    public int Code { get; } = code;
}
