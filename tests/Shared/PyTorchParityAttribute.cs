using System;

namespace Dsl.Runtime.Tests;

/// <summary>
/// Marks a <c>[Model]</c> of the runtime tests that PyTorch parity runs (PyTorchParityTests finds the marked classes by
/// reflection; the generator tests' OpCoverageTests finds the same classes in the sources, to check that every op of
/// the catalogue runs in one). The seed networks of Examples/Models need no mark: every seed that no other seed uses as
/// a submodel runs there too. Linked from tests/Shared into every test project that compiles model files of the
/// runtime tests (their namespaces lie under this one, so the mark needs no <c>using</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PyTorchParityAttribute : Attribute
{
}
