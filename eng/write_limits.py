#!/usr/bin/env python3
"""Writes the folder .editorconfig files of the dogfooding baseline from complexity_limits.py's JSON.
Each file over the default limits gets its own section with its current worst value, so every other file in
the folder stays at the defaults (10 / 15) and no file may get worse than it is."""
import json, sys, os, re
data = json.load(open(sys.argv[1]))
# No folder is labelled debt (X) since issue 7: a folder whose files go over the defaults needs a split or a real reason.
D = 'dispatch'; P = 'port'; X = 'debt'
REASONS = {
 'generators/Batuta.Generators/Kernels/Parsing': (D, 'lowering of a [Kernel] body: one switch arm per C# syntax kind and per literal/conversion kind the generator accepts (KernelParser.ParseCore, Literals).'),
 'src/Batuta.Cli/Infrastructure': (D, 'the command-line tokenizer: one branch per option syntax (--x=y, -x y, --, response files).'),
 'src/Batuta.Core/Engine': (D, 'ProjectSettings.FromProperties reads one MSBuild property per setting (a flat list of lookups with defaults).'),
 'src/Batuta.Core/Workflow': (D, 'phase-name parsing: one case per phase name and alias.'),
 'src/Batuta.Inference/Formats': (D, 'model format detection: one check per magic number and extension.'),
 'src/Batuta.Inference/Formats/Gguf': (D, 'GGUF reader/writer: one case per GGUF value type and tensor type.'),
 'src/Batuta.Inference/Formats/Pickle': (D, 'the restricted unpickler: one case per pickle opcode (the opcode set of CPython\'s pickle module).'),
 'src/Batuta.Inference/Formats/SafeTensors': (D, 'safetensors header parsing: one case per JSON field and dtype.'),
 'src/Batuta.Inference/Kernels': (P, 'quantized matmul tiles and repacking, mirrored from llama.cpp/ggml so each block layout can be checked against it.'),
 'src/Batuta.Inference/Model': (D, 'LlamaConfig.FromGguf reads one GGUF key per hyper-parameter; the forward pass mirrors llama.cpp.'),
 'src/Batuta.Inference/Quantization': (P, 'ggml block (de)quantizers and the type table, mirrored from ggml (one case per GGML type).'),
 'src/Batuta.Inference/Tokenization': (P, 'BPE and SentencePiece encoders mirrored from llama.cpp (byte fallback, pre-tokenizer by hand).'),
 'src/Batuta.ML/Base': (D, 'parameter coercion: one case per Python value type and per sklearn parameter form (max_features="sqrt"|int|float).'),
 'src/Batuta.ML/Cluster': (P, 'KMeans/Lloyd/DBSCAN ported from scikit-learn; the structure is kept so results stay bit-comparable.'),
 'src/Batuta.ML/Ensemble': (P, 'random forests, gradient boosting and isolation forest ported from scikit-learn.'),
 'src/Batuta.ML/Internal': (P, 'L-BFGS and the More-Thuente line search ported from scipy/MINPACK (dcsrch/dcstep), whose case analysis is the algorithm.'),
 'src/Batuta.ML/LinearModel': (P, 'coordinate descent, lbfgs and liblinear-style solvers ported from scikit-learn.'),
 'src/Batuta.ML/Metrics': (P, 'metrics ported from scikit-learn (precision_recall_fscore_support, confusion_matrix, roc_auc_score), including its averaging and warning cases.'),
 'src/Batuta.ML/ModelSelection': (P, 'splitters ported from scikit-learn, including its parameter validation.'),
 'src/Batuta.ML/Neighbors': (P, 'KD-tree query ported from scikit-learn\'s KD-tree.'),
 'src/Batuta.ML/Persistence': (D, 'model (de)serialisation: one case per stored value type and estimator parameter.'),
 'src/Batuta.ML/Preprocessing': (P, 'encoders and scalers ported from scikit-learn (handle_unknown/drop cases).'),
 'src/Batuta.ML/Tree': (P, 'the best-first/depth-first tree builder and splitter ported from scikit-learn\'s tree module.'),
 'src/Batuta.ML/Validation': (P, 'label encoding checks ported from scikit-learn\'s type_of_target.'),
 'src/Batuta.Python.Runtime/Builtins': (D, 'the builtin-name table: one case per Python builtin.'),
 'src/Batuta.Python.Runtime/Collections': (P, 'set/dict insertion following CPython\'s set/dict semantics (insertion order, probing).'),
 'src/Batuta.Python.Runtime/Core': (D, 'Python\'s dynamic operators and conversions: one case per operand type pair (Dyn.Eq/Cast/Pow), int/float parsing and repr with CPython\'s rules.'),
 'src/Batuta.Python.Runtime/Exceptions': (D, 'exception translation: one case per .NET exception type.'),
 'src/Batuta.Python.Runtime/Modules': (P, 'argparse ported from CPython 3.11 (byte-exact help and errors), the re-to-.NET regex translator (a state machine over the pattern), json, math, random.'),
 'src/Batuta.Python.Runtime/Numpy': (D, 'numpy: ufunc dispatch per dtype pair, advanced indexing, sort kinds and loadtxt with numpy\'s casting and ordering rules, for result parity.'),
 'src/Batuta.Python.Runtime/Numpy/Random': (P, 'numpy.random Generator.choice and the ziggurat normal sampler ported from numpy for stream parity.'),
 'src/Batuta.Python.Runtime/Text': (P, 'str.format/%-format mini-languages, float formatting, bytes and textwrap with CPython\'s exact behaviour.'),
 'src/Batuta.Python/Ast': (P, 'ast.dump\'s repr of floats and strings, with CPython\'s exact output.'),
 'src/Batuta.Python/Diagnostics': (D, 'error hints: one case per CPython error message family.'),
 'src/Batuta.Python/Metrics': (D, 'AST visitors (complexity, imports, lines): one switch arm per Python AST node kind.'),
 'src/Batuta.Python/Semantics': (D, 'compile-time checks mirrored from CPython\'s compiler checks: one switch arm per AST node kind.'),
 'src/Batuta.Python/Symbols': (D, 'symbol-table builder mirrored from CPython\'s symtable.c: one switch arm per AST node kind.'),
 'src/Batuta.Python/Syntax': (D, 'the tokenizer state machine (CPython\'s tokenizer.c) and the PEG parser whose rules mirror CPython\'s Grammar/python.gram (including invalid_* rules), number and string literal decoding.'),
 'src/Batuta.Python/Text': (P, 'source decoding: PEP 263 coding-spec detection and codecs ported from CPython (get_coding_spec, codecs).'),
 'src/Batuta.Tensor/Gemm': (P, 'GEMM packing and blocking in the BLIS/GotoBLAS scheme (edge cases per panel remainder).'),
 'src/Batuta.Tensor/Gpu': (D, 'the GPU op-code table: one case per op code.'),
 'src/Batuta.Tensor/Gpu/Kernels': (D, 'ILGPU kernels: register-tiled matmul unrolled by hand (the GPU compiler does not unroll), one element-wise case per op code.'),
 'src/Batuta.Tensor/IO': (D, '.npy header parsing: one case per dtype descriptor.'),
 'src/Batuta.Tensor/LinearAlgebra': (P, 'LU, least squares and symmetric eigen (tred2/tql2) ported from EISPACK-style reference code.'),
 'src/Batuta.Tensor/Primitives': (D, 'SIMD loops: one path per vector width (Vector512/256/128/scalar) and alignment tail.'),
 'src/Batuta.Tensor/Random': (P, 'numpy RandomState.choice ported from numpy\'s legacy RandomState for stream parity.'),
 'src/Batuta.Tensor/Testing': (D, 'the per-backend tolerance table.'),
 'src/Batuta.Transpiler/Emit': (D, 'the C# emitter: one case per Python operator x inferred type pair (BinaryOp, Compare, Coerce) and per call form (argument binding follows Python\'s call rules).'),
 'src/Batuta.Transpiler/Inference': (D, 'type inference: one switch arm per AST node kind and per annotation form.'),
 'src/Batuta.Transpiler/Mapping': (D, 'library mapping tables: one case per mapped Python function (numpy, sklearn, stdlib).'),
 'src/Batuta.Transpiler/Model': (D, 'type lattice join: one case per type-kind pair.'),
}
missing = set(data) - set(REASONS)
if missing: sys.exit(f'no reason for {sorted(missing)}')
summary = []
for folder, files in sorted(data.items()):
    kind, reason = REASONS[folder]
    label = {D: 'deliberate dispatch', P: 'port of a reference implementation', X: 'baseline debt (ratchet; to be split)'}[kind]
    out = ['# Dogfooding baseline (docs/analyzers.md, "Dogfooding"): complexity limits for the files below, each at its',
           '# current worst value, so it cannot get worse; every other file here keeps the defaults (BATQ001 10, BATQ002 15).',
           f'# Why ({label}): {reason}', '']
    for fn, rules in sorted(files.items()):
        # { } [ ] * ? , are glob syntax in section names (Tensor{T}.cs): match them with ?.
        out.append('[' + re.sub(r'[{}\[\]*?,]', '?', fn) + ']')
        for rule in ('BATQ001', 'BATQ002'):
            if rule in rules:
                v, names = rules[rule]
                out.append(f'# {", ".join(names)}')
                out.append(f'batuta.{rule}.maximum_complexity = {v}')
        out.append('')
    path = os.path.join(folder, '.editorconfig')
    existing = open(path).read() + '\n' if os.path.exists(path) else ''
    open(path, 'w').write(existing + '\n'.join(out))
    summary.append((folder, kind, len(files), max(r.get('BATQ001', (0,))[0] for r in files.values()), max(r.get('BATQ002', (0,))[0] for r in files.values())))
for s in summary: print(*s, sep='\t')
