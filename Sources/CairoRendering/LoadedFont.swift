import CCairo

#if canImport(Glibc)
import Glibc
#endif

/// One font file opened through FreeType and wrapped as a Cairo font face.
///
/// Loaded explicitly (not through fontconfig) so a missing font fails loudly instead of Cairo
/// silently falling back to its stroke font. Immutable after `init`, and Cairo serialises its own
/// access to the FreeType face, so one instance is shared by renders on many tasks.
final class LoadedFont: @unchecked Sendable {
    let path: String
    /// `cairo_font_face_t *`; this object owns one reference.
    let cairoFace: OpaquePointer

    init(path: String) throws {
        guard access(path, R_OK) == 0 else { throw RenderingError.fontMissing(path: path) }
        var library: FT_Library?
        let initError = FT_Init_FreeType(&library)
        guard initError == 0, let library else { throw RenderingError.fontUnreadable(path: path, freeTypeError: initError) }
        var face: FT_Face?
        let faceError = FT_New_Face(library, path, 0, &face)
        guard faceError == 0, let face else {
            FT_Done_FreeType(library)
            throw RenderingError.fontUnreadable(path: path, freeTypeError: faceError)
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw RenderingError.cairo(status: -1, message: "cairo_ft_font_face_create_for_ft_face failed")
        }
        // Cairo may keep the face alive in its caches after we release it, so the FreeType
        // objects are freed by Cairo's destroy callback, not by our deinit.
        let handles = UnsafeMutablePointer<FreeTypeHandles>.allocate(capacity: 1)
        handles.initialize(to: FreeTypeHandles(library: library, face: face))
        let status = cairo_font_face_set_user_data(cairoFace, freeTypeHandlesKey, handles, releaseFreeTypeHandles)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            releaseFreeTypeHandles(handles)
            try RenderingError.check(status)
        }
        self.path = path
        self.cairoFace = cairoFace
    }

    deinit {
        cairo_font_face_destroy(cairoFace)
    }
}

private struct FreeTypeHandles {
    var library: FT_Library
    var face: FT_Face
}

/// Cairo identifies user data by the key's address; one key for the whole process.
nonisolated(unsafe) private let freeTypeHandlesKey: UnsafeMutablePointer<cairo_user_data_key_t> = {
    let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
    key.initialize(to: cairo_user_data_key_t())
    return key
}()

private func releaseFreeTypeHandles(_ pointer: UnsafeMutableRawPointer?) {
    guard let handles = pointer?.assumingMemoryBound(to: FreeTypeHandles.self) else { return }
    FT_Done_Face(handles.pointee.face)
    FT_Done_FreeType(handles.pointee.library)
    handles.deinitialize(count: 1)
    handles.deallocate()
}
