using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Embedding(numEmbeddings, embeddingDim): a vector per token id, int64 ids only, paddingIdx inside the table, and the TorchSharp module.</summary>
public class EmbeddingTests
{
    [Theory]
    [InlineData("g.Output(\"y\", tokens.Embedding(100, 16)); g.Output(\"o\", x);", "[B, T, 16]")]
    [InlineData("g.Output(\"y\", g.Input(\"ids\", DType.Int64, 3, 5).Embedding(10, 4, paddingIdx: -1)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 3, 5, 4]")]
    public void Each_id_becomes_a_vector(string body, string shape) => DefineBody.AssertOutputShape(body, shape, DefineBody.TokensAndSequence);

    [Theory]
    [InlineData("g.Output(\"y\", x.Embedding(10, 4)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0009", "Embedding 'embedding_1' expects int64 indices (token ids) but got [B, T, 8] float32; declare the ids with g.Input(name, DType.Int64, ...)")]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 4, paddingIdx: 10)); g.Output(\"o\", x);", "DSL0007", "paddingIdx must index the table, from -10 to 9, but is 10")]
    public void Float_inputs_and_padding_outside_the_table_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, DefineBody.TokensAndSequence);

    [Fact]
    public void The_table_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", tokens.Embedding(100, 16)); g.Output(\"o\", x);", "var embedding_1 = this.embedding_1.forward(tokens); // [B, T, 16]", DefineBody.TokensAndSequence);
}
