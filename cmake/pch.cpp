// SPDX-License-Identifier: Apache-2.0
// The one source of the targets that make the shared precompiled headers
// (cmake/PrecompiledHeaders.cmake); it compiles to nothing.
