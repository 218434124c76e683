#include "scan/camera.hpp"

namespace desa::scan {
namespace {

Camera over(std::shared_ptr<FolderCamera> folder) {
    Camera camera;
    camera.name = folder->folder().string();
    camera.next_frame = [folder] { return folder->next_frame(); };
    camera.next_file = [folder] { return folder->next_file(); };
    return camera;
}

}  // namespace

Camera folder_camera(std::filesystem::path folder) { return over(std::make_shared<FolderCamera>(std::move(folder))); }

Camera camera_of(FolderCamera& folder) {
    // Not owned: an aliasing shared_ptr with no control block.
    return over(std::shared_ptr<FolderCamera>(std::shared_ptr<FolderCamera>(), &folder));
}

}  // namespace desa::scan
