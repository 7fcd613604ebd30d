"""Every message a user can see, in Indonesian and English.

Each entry says what is wrong and how to fix it, in one or two sentences.
Placeholders in braces are filled from a problem's parameters.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, tuple[str, str]] = {
    # Files.
    "file_missing": (
        "Berkas tidak ditemukan. Periksa nama dan foldernya.",
        "File not found. Check its name and folder.",
    ),
    "file_locked": (
        "Berkas sedang dibuka atau dikunci (mis. di Excel). Simpan dan "
        "tutup berkas itu, lalu ulangi.",
        "The file is open or locked (e.g. in Excel). Save and close it, "
        "then try again.",
    ),
    "file_password": (
        "Berkas dilindungi kata sandi. Simpan salinan tanpa kata sandi "
        "(File > Info > Protect Workbook), lalu ulangi.",
        "The file is password protected. Save a copy without a password "
        "(File > Info > Protect Workbook), then try again.",
    ),
    "file_not_workbook": (
        "Berkas ini bukan workbook Excel yang dapat dibaca. Simpan sebagai "
        ".xlsx dari Excel atau LibreOffice.",
        "This file is not a readable Excel workbook. Save it as .xlsx from "
        "Excel or LibreOffice.",
    ),
    "csv_needs_folder": (
        "Untuk CSV, berikan folder yang berisi Pegawai.csv, Unit.csv, dan "
        "seterusnya, bukan satu berkas CSV.",
        "For CSV input, give the folder holding Pegawai.csv, Unit.csv and "
        "so on, not a single CSV file.",
    ),
    "folder_without_csv": (
        "Folder ini tidak berisi berkas CSV. Ekspor tiap lembar sebagai "
        "CSV dengan nama lembarnya (Pegawai.csv, Unit.csv, ...).",
        "This folder holds no CSV file. Export each sheet as CSV named "
        "after it (Pegawai.csv, Unit.csv, ...).",
    ),
    "formula_without_value": (
        "Sel {cell} berisi rumus tanpa hasil tersimpan. Buka berkas di "
        "Excel, biarkan menghitung, lalu simpan; atau ganti rumus dengan "
        "nilainya.",
        "Cell {cell} holds a formula without a saved result. Open the file "
        "in Excel, let it recalculate and save it, or replace the formula "
        "by its value.",
    ),
    "output_exists": (
        "Berkas keluaran sudah ada. Pilih nama lain atau tambahkan --force "
        "untuk menimpanya.",
        "The output file already exists. Choose another name or add "
        "--force to overwrite it.",
    ),
    "output_is_input": (
        "Berkas keluaran sama dengan berkas masukan; masukan tidak pernah "
        "ditimpa. Pilih nama lain.",
        "The output file is the input file; inputs are never overwritten. "
        "Choose another name.",
    ),
    "output_folder_missing": (
        "Folder keluaran tidak ada. Buat foldernya dahulu.",
        "The output folder does not exist. Create it first.",
    ),
    "week_bad": (
        "'{value}' bukan tanggal (2027-01-04) atau minggu ISO (2027-W01).",
        "'{value}' is not a date (2027-01-04) or an ISO week (2027-W01).",
    ),
    "week_not_monday": (
        "Rencana dimulai hari Senin; {value} bukan Senin. Pakai {monday}.",
        "A plan starts on a Monday; {value} is not one. Use {monday}.",
    ),
    "roster_code": (
        "'{value}' bukan kode jadwal. Pakai K (kantor), F (fleksibel), S "
        "(sebagian), C (cuti), L (libur) atau - (bukan hari kerja).",
        "'{value}' is not a roster code. Use O or K (office), F "
        "(flexible), S (split), A or C (absent), H or L (holiday) or -.",
    ),
    "roster_empty": (
        "Tidak ada jadwal di berkas ini. Berikan workbook atau CSV yang "
        "ditulis oleh 'mkd plan'.",
        "This file holds no roster. Give a workbook or CSV written by "
        "'mkd plan'.",
    ),
    "roster_breach": (
        "Jadwal melanggar aturan: {text}",
        "The roster breaks a rule: {text}",
    ),
    "scenarios_none": (
        "Berkas skenario tidak berisi tabel [scenario.NAMA].",
        "The scenario file holds no [scenario.NAME] table.",
    ),
    "cost_key_unknown": (
        "Parameter biaya '{key}' tidak dikenal; yang dikenal: {known}.",
        "Cost key '{key}' is unknown; known keys: {known}.",
    ),
    "cost_value": (
        "Biaya '{value}' harus bilangan bulat rupiah, 0 atau lebih.",
        "Cost '{value}' must be a whole number of rupiah, 0 or more.",
    ),
    # Scenario files and what a comparison tells the analyst.
    "scenario_file_bad": (
        "Berkas skenario tidak dapat dibaca sebagai TOML: {why}. Perbaiki "
        "baris itu; README (bagian Policy scenarios) memuat contoh.",
        "The scenario file cannot be read as TOML: {why}. Fix that line; "
        "the README (section Policy scenarios) has an example.",
    ),
    "scenario_file_key": (
        "'{key}' tidak dikenal di berkas skenario. Berkas ini hanya berisi "
        "tabel [costs] dan [scenario.NAMA]; tulis parameter kebijakan di "
        "dalam tabel skenarionya.",
        "'{key}' is unknown in a scenario file. The file holds only the "
        "tables [costs] and [scenario.NAME]; write policy keys inside the "
        "scenario's table.",
    ),
    "costs_not_table": (
        "'costs' harus berupa tabel [costs] berisi commute_per_day, "
        "meal_per_day dan office_per_day.",
        "'costs' must be a table [costs] holding commute_per_day, "
        "meal_per_day and office_per_day.",
    ),
    "scenario_not_table": (
        "Skenario '{name}' harus berupa tabel: tulis [scenario.{name}], "
        "lalu preset dan parameter kebijakan pada baris di bawahnya.",
        "Scenario '{name}' must be a table: write [scenario.{name}], then "
        "its preset and policy keys on the lines below it.",
    ),
    "scenario_name_blank": (
        "Nama skenario kosong. Beri nama, mis. [scenario.hadir-40].",
        "The scenario has no name. Name it, e.g. [scenario.share-40].",
    ),
    "scenario_preset": (
        "preset harus teks dalam tanda kutip: nama preset ({known}) atau "
        "jalur berkas kebijakan TOML.",
        "preset must be text in quotes: a preset name ({known}) or the "
        "path of a TOML policy file.",
    ),
    "scenario_with_workbook": (
        "Skenario '{name}' tidak dapat dipakai bersama lembar Kebijakan "
        "workbook ini; galat berikut menyebut nilainya.",
        "Scenario '{name}' cannot be used with this workbook's Kebijakan "
        "sheet; the next error names the values.",
    ),
    "scenario_workbook_overrides": (
        "Skenario '{name}': lembar Kebijakan workbook menimpa {key} = "
        "{scenario_value} dari skenario dengan {workbook_value}.",
        "Scenario '{name}': the workbook's Kebijakan sheet overrides {key} "
        "= {scenario_value} of the scenario with {workbook_value}.",
    ),
    "scenario_unit_key": (
        "Skenario '{name}': {key} = {value} berlaku untuk {applies} dari "
        "{units} unit; {own} unit memakai nilainya sendiri (lembar Unit).",
        "Scenario '{name}': {key} = {value} applies to {applies} of {units} "
        "units; {own} set their own (sheet Unit).",
    ),
    "scenario_same": (
        "Skenario '{name}' berdampak sama dengan '{other}' pada workbook "
        "ini: setiap unit mendapat aturan yang sama.",
        "Scenario '{name}' has the same effect as '{other}' on this "
        "workbook: every unit gets the same rules.",
    ),
    "scenario_left_out": (
        "Skenario '{name}': {units} unit ({people} orang) tanpa jadwal "
        "({why}) tidak dihitung dalam angka jadwal: {which}.",
        "Scenario '{name}': {units} unit(s) ({people} people) without a "
        "roster ({why}) are left out of the roster figures: {which}.",
    ),
    "scenario_no_time": (
        "Tidak ada jadwal dalam batas waktu (--time-limit); belum terbukti "
        "tidak mungkin. Beri waktu lebih.",
        "No roster within the time limit (--time-limit); not proven "
        "infeasible. Allow more time.",
    ),
    # Sheets and columns.
    "sheet_missing": (
        "Lembar '{sheet}' (atau '{alias}') tidak ada. Tambahkan lembar itu; "
        "'mkd template' membuat contoh lengkap.",
        "Sheet '{sheet}' (or '{alias}') is missing. Add it; 'mkd template' "
        "writes a complete example.",
    ),
    "sheet_empty": (
        "Lembar ini kosong, tanpa baris judul. Isi baris judul (baris 1) "
        "dan data di bawahnya, atau hapus lembar itu jika tidak wajib.",
        "This sheet is empty, without a header row. Fill in the header "
        "(row 1) and data below it, or delete the sheet if it is optional.",
    ),
    "sheet_no_rows": (
        "Lembar ini hanya berisi baris judul. Isi data mulai baris 2.",
        "This sheet has only its header row. Add data from row 2.",
    ),
    "column_missing": (
        "Kolom wajib '{name}' (atau '{alias}') tidak ada di baris 1. "
        "Tambahkan kolom itu.",
        "Required column '{name}' (or '{alias}') is not in row 1. Add it.",
    ),
    "column_unknown": (
        "Kolom ini tidak dikenal dan diabaikan.",
        "This column is not known and is ignored.",
    ),
    "column_duplicate": (
        "Kolom ini muncul dua kali. Hapus salah satunya.",
        "This column appears twice. Delete one of them.",
    ),
    "value_missing": (
        "Sel ini wajib diisi.",
        "This cell must be filled in.",
    ),
    # Cells.
    "bad_yes_no": (
        "'{value}' bukan Ya/Tidak. Tulis Ya atau Tidak.",
        "'{value}' is not yes/no. Write Ya (yes) or Tidak (no).",
    ),
    "bad_integer": (
        "'{value}' bukan bilangan bulat. Tulis angka seperti 2.",
        "'{value}' is not a whole number. Write a number such as 2.",
    ),
    "bad_number": (
        "'{value}' bukan angka. Tulis angka seperti 50 atau 37,5.",
        "'{value}' is not a number. Write a number such as 50 or 37.5.",
    ),
    "bad_date": (
        "'{value}' bukan tanggal. Gunakan sel tanggal Excel, 2027-01-04, "
        "atau 04/01/2027.",
        "'{value}' is not a date. Use an Excel date, 2027-01-04 or "
        "04/01/2027.",
    ),
    "bad_days": (
        "'{value}' bukan daftar nama hari. Tulis mis. 'Senin, Jumat'.",
        "'{value}' is not a list of day names. Write e.g. 'Mon, Fri'.",
    ),
    "bad_mode": (
        "'{value}' bukan mode kerja. Tulis Kantor atau Fleksibel.",
        "'{value}' is not a work mode. Write Office or Flexible.",
    ),
    "bad_level": (
        "Nilai ini bukan tingkat yang dikenal. Kinerja: Di Bawah/Sesuai/Di "
        "Atas Ekspektasi; Potensi: Rendah/Menengah/Tinggi.",
        "This is not a known level. Performance: below/meets/above "
        "expectation; potential: low/medium/high.",
    ),
    "negative": (
        "{value} tidak boleh negatif.",
        "{value} must not be negative.",
    ),
    # Employees.
    "nip_is_number": (
        "NIP tersimpan sebagai angka ({value}). Excel hanya menyimpan 15 "
        "digit, jadi NIP mungkin sudah rusak. Format kolom NIP sebagai Teks "
        "dan ketik ulang NIP-nya.",
        "The NIP is stored as a number ({value}). Excel keeps only 15 "
        "digits, so the NIP may already be wrong. Format the NIP column as "
        "Text and type the NIP again.",
    ),
    "nip_length": (
        "NIP '{nip}' harus 18 digit angka.",
        "NIP '{nip}' must be 18 digits.",
    ),
    "nip_birth_date": (
        "NIP '{nip}': digit 1-8 bukan tanggal lahir yang sah (yyyymmdd).",
        "NIP '{nip}': digits 1-8 are not a valid birth date (yyyymmdd).",
    ),
    "nip_appointment": (
        "NIP '{nip}': digit 9-14 bukan tahun dan bulan pengangkatan yang "
        "sah (yyyymm).",
        "NIP '{nip}': digits 9-14 are not a valid year and month of "
        "appointment (yyyymm).",
    ),
    "nip_sex": (
        "NIP '{nip}': digit 15 harus 1 atau 2.",
        "NIP '{nip}': digit 15 must be 1 or 2.",
    ),
    "nip_duplicate": (
        "NIP '{nip}' sudah ada di baris {first}. Setiap pegawai hanya satu "
        "baris.",
        "NIP '{nip}' is already in row {first}. Each person has one row.",
    ),
    "nip_unknown": (
        "NIP '{nip}' tidak ada di lembar Pegawai. Periksa NIP-nya atau "
        "tambahkan pegawai itu.",
        "NIP '{nip}' is not in sheet Pegawai. Check the NIP or add the "
        "person.",
    ),
    "unit_unknown": (
        "Unit '{name}' tidak ada di lembar Unit. Periksa ejaannya atau "
        "tambahkan baris unit itu.",
        "Unit '{name}' is not in sheet Unit. Check the spelling or add a "
        "row for it.",
    ),
    "talent_box_range": (
        "Kotak talenta {value} harus 1 sampai 9 (atau kosong jika belum "
        "dinilai).",
        "Talent box {value} must be 1 to 9 (or blank if not assessed).",
    ),
    "preferred_both": (
        "Hari yang sama dipilih sebagai hari fleksibel dan hari kantor. "
        "Pilih salah satu.",
        "The same day is preferred for flexible and for office work. "
        "Choose one.",
    ),
    "requested_range": (
        "Jumlah hari fleksibel yang diminta harus 0 sampai 7.",
        "Requested flexible days must be 0 to 7.",
    ),
    "readiness_column_missing": (
        "Kolom '{column}' tidak ada; syarat ini tidak diperiksa untuk "
        "siapa pun. Tambahkan kolom itu jika datanya tersedia.",
        "Column '{column}' is missing; this condition is checked for "
        "nobody. Add the column if the data exists.",
    ),
    # Units and rules.
    "unit_duplicate": (
        "Unit '{name}' sudah ada di baris {first}. Nama unit harus unik.",
        "Unit '{name}' is already in row {first}. Unit names must be unique.",
    ),
    "share_range": (
        "Persentase harus 0 sampai 100.",
        "The percentage must be 0 to 100.",
    ),
    "working_days": (
        "Hari kerja harus 5 (Senin-Jumat) atau 6 (Senin-Sabtu).",
        "Working days must be 5 (Monday-Friday) or 6 (Monday-Saturday).",
    ),
    "absence_reversed": (
        "Ketidakhadiran berakhir ({end}) sebelum mulai ({start}). Tukar "
        "tanggalnya.",
        "The absence ends ({end}) before it starts ({start}). Swap the dates.",
    ),
    "absence_overlap": (
        "Ketidakhadiran {nip} ini bertumpang tindih dengan baris {other}. "
        "Gabungkan atau perbaiki tanggalnya.",
        "This absence of {nip} overlaps row {other}. Merge them or fix the "
        "dates.",
    ),
    "request_date_or_day": (
        "Isi tepat satu dari Tanggal atau Hari.",
        "Fill in exactly one of Date and Day.",
    ),
    "weight_positive": (
        "Bobot harus bilangan bulat lebih dari 0.",
        "The weight must be a whole number above 0.",
    ),
    # Policies.
    "policy_unknown": (
        "Kebijakan '{name}' tidak dikenal: bukan preset ({known}) dan bukan "
        "berkas. Lihat 'mkd policies'.",
        "Policy '{name}' is unknown: not a preset ({known}) and not a "
        "file. See 'mkd policies'.",
    ),
    "policy_file_bad": (
        "Berkas kebijakan tidak dapat dibaca sebagai TOML: {why}.",
        "The policy file cannot be read as TOML: {why}.",
    ),
    "policy_key_unknown": (
        "Parameter kebijakan '{key}' tidak dikenal. Lihat daftar parameter "
        "di README atau 'mkd policies --keys'.",
        "Policy key '{key}' is unknown. See the key list in the README or "
        "'mkd policies --keys'.",
    ),
    "policy_value_missing": (
        "Parameter '{key}' perlu nilai.",
        "Key '{key}' needs a value.",
    ),
    "policy_invalid": (
        "Kebijakan tidak sah: {why}",
        "The policy is not valid: {why}",
    ),
    # Checks that need the policy.
    "unit_no_room": (
        "Unit '{unit}': aturan kehadiran minimal ({required} orang dari "
        "{people}) tidak menyisakan ruang untuk kerja fleksibel.",
        "Unit '{unit}': the minimum on-site rule ({required} people of "
        "{people}) leaves no room for flexible work.",
    ),
    "unit_no_eligible": (
        "Unit '{unit}' tidak memiliki pegawai yang layak bekerja fleksibel.",
        "Unit '{unit}' has no one eligible for flexible work.",
    ),
    "unit_no_people": (
        "Unit '{unit}' tidak memiliki pegawai di lembar Pegawai.",
        "Unit '{unit}' has no one in sheet Pegawai.",
    ),
}


def message(code: str, lang: str, params: Mapping[str, object]) -> str:
    """The text of a message in a language, with its values filled in."""
    indonesian, english = MESSAGES[code]
    template = english if lang == "en" else indonesian
    return template.format(**params)
