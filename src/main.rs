use std::process::ExitCode;

// Importing builds many small strings; mimalloc frees and reuses them faster than the system
// allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    strainscope::app::main()
}
