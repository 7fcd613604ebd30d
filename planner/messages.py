"""Every message a user can see, in Indonesian and English.

Each entry says what is wrong and how to fix it, in one or two sentences.
Placeholders in braces are filled from a problem's parameters; a
parameter that is itself words (:class:`Words`) is filled in the
message's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Words(NamedTuple):
    """A message parameter in both languages, such as a unit of measure."""

    id: str
    en: str


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
    "file_open": (
        "Berkas sedang dibuka di Excel atau LibreOffice: berkas kunci "
        "'{lock}' ada di sampingnya. Simpan dan tutup berkas itu, lalu "
        "ulangi. Jika tidak ada program yang membukanya, berkas kunci itu "
        "sisa dan boleh dihapus: hapus '{lock}'.",
        "The file is open or locked in Excel or LibreOffice: the lock file "
        "'{lock}' is beside it. Save and close it, then try again. If no "
        "program has it open, the lock file is stale and may be deleted: "
        "delete '{lock}'.",
    ),
    "file_password": (
        "Berkas dilindungi kata sandi. Simpan salinan tanpa kata sandi "
        "(File > Info > Protect Workbook), lalu ulangi.",
        "The file is password protected. Save a copy without a password "
        "(File > Info > Protect Workbook), then try again.",
    ),
    "file_old_xls": (
        "Berkas ini workbook Excel 97-2003 (.xls) dengan nama berakhiran "
        "lain. Buka di Excel dan simpan sebagai .xlsx (Excel Workbook), "
        "atau ganti akhiran namanya menjadi .xls.",
        "This file is an Excel 97-2003 workbook (.xls) under another "
        "suffix. Open it in Excel and save it as .xlsx (Excel Workbook), or "
        "rename it to end in .xls.",
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
    "excel_error": (
        "Sel {cell} berisi galat Excel {value}. Perbaiki rumusnya atau "
        "ketik nilainya.",
        "Cell {cell} holds an Excel error {value}. Fix the formula or type "
        "the value.",
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
    "output_is_folder": (
        "Ini folder, bukan berkas. Beri nama berkas di dalamnya, mis. "
        "{example}.",
        "This is a folder, not a file. Name a file inside it, e.g. {example}.",
    ),
    "output_parent_not_folder": (
        "'{parent}' adalah berkas, bukan folder, jadi tidak dapat berisi "
        "berkas keluaran. Pilih folder lain.",
        "'{parent}' is a file, not a folder, so it cannot hold the output. "
        "Choose another folder.",
    ),
    "output_suffix": (
        "Berkas keluaran harus berakhiran {suffix}, bukan '{given}'. "
        "Mis. {example}.",
        "The output file must end in {suffix}, not '{given}'. E.g. {example}.",
    ),
    "output_permission": (
        "Tidak ada izin menulis di sini, atau berkas sedang dibuka di "
        "program lain (mis. Excel). Tutup berkas itu atau pilih folder "
        "lain.",
        "No permission to write here, or the file is open in another "
        "program (e.g. Excel). Close it or choose another folder.",
    ),
    "output_read_only": (
        "Folder ini hanya dapat dibaca. Pilih folder lain.",
        "This folder is read-only. Choose another folder.",
    ),
    "output_disk_full": (
        "Disk penuh. Kosongkan ruang atau pilih disk lain.",
        "The disk is full. Free some space or choose another disk.",
    ),
    "output_write_failed": (
        "Berkas keluaran tidak dapat ditulis ({why}). Periksa folder dan "
        "namanya.",
        "The output file cannot be written ({why}). Check the folder and "
        "the name.",
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
        "'{value}' bukan kode jadwal. Pakai K (kantor; juga WFO), F "
        "(fleksibel; juga WFH atau WFA), S (sebagian), C (cuti), L (libur) "
        "atau - (bukan hari kerja).",
        "'{value}' is not a roster code. Use O or K (office; also WFO), F "
        "(flexible; also WFH or WFA), S (split), A or C (absent), H or L "
        "(holiday) or -.",
    ),
    "roster_empty": (
        "Tidak ada jadwal di berkas ini. Berikan workbook atau CSV yang "
        "ditulis oleh 'mkd plan'.",
        "This file holds no roster. Give a workbook or CSV written by "
        "'mkd plan'.",
    ),
    "roster_no_grid": (
        "Judul tabel jadwal tidak ditemukan di lembar ini (baris dengan "
        "NIP di kolom A dan tanggal di sampingnya); lembar ini dilewati. "
        "Jika ini lembar unit, kembalikan baris judulnya.",
        "The roster grid's header is not on this sheet (a row with NIP in "
        "column A and dates beside it); the sheet is skipped. If it is a "
        "unit's sheet, put the header row back.",
    ),
    "roster_row_without_nip": (
        "Baris ini tidak punya NIP; baris dilewati. Isi NIP-nya atau hapus "
        "barisnya.",
        "This row has no NIP; it is skipped. Fill in the NIP or delete the "
        "row.",
    ),
    "roster_nip_number": (
        "NIP tersimpan sebagai angka ({value}). Excel hanya menyimpan 15 "
        "digit, jadi NIP ini tidak dapat dicocokkan dan baris dilewati. "
        "Format kolom NIP sebagai Teks dan ketik ulang NIP-nya.",
        "The NIP is stored as a number ({value}). Excel keeps only 15 "
        "digits, so it cannot be matched and the row is skipped. Format "
        "the NIP column as Text and type the NIP again.",
    ),
    "roster_nip_duplicate": (
        "NIP '{nip}' sudah ada di lembar {first_sheet}, baris {first_row}; "
        "baris ini dilewati. Setiap pegawai hanya satu baris: hapus salah "
        "satunya.",
        "NIP '{nip}' is already on sheet {first_sheet}, row {first_row}; "
        "this row is skipped. Each person has one row: delete one of them.",
    ),
    "roster_breach": (
        "Jadwal melanggar aturan: {text}",
        "The roster breaks a rule: {text}",
    ),
    "roster_gap": (
        "Jadwal tidak lengkap: {text}",
        "The roster is incomplete: {text}",
    ),
    "roster_mismatch": (
        "Jadwal tidak cocok dengan masukan: {text}",
        "The roster does not match the input: {text}",
    ),
    "roster_unit_without": (
        "Tidak ada jadwal untuk diperiksa: {text}",
        "No roster to check: {text}",
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
    "csv_file_missing": (
        "Berkas '{sheet}.csv' (atau '{alias}.csv') tidak ada di folder ini. "
        "Ekspor lembar itu sebagai CSV ke folder ini.",
        "File '{sheet}.csv' (or '{alias}.csv') is not in this folder. "
        "Export that sheet as CSV into the folder.",
    ),
    "csv_file_unknown": (
        "Berkas ini bukan lembar yang dikenal ({known}) dan diabaikan.",
        "This file is not a known sheet ({known}) and is ignored.",
    ),
    "sheet_empty": (
        "Lembar ini kosong. Isi baris judul kolom dan data di bawahnya, "
        "atau hapus lembar itu jika tidak wajib.",
        "This sheet is empty. Fill in the header row and data below it, or "
        "delete the sheet if it is optional.",
    ),
    "sheet_no_rows": (
        "Lembar ini hanya berisi baris judul kolom. Isi data di bawahnya.",
        "This sheet has only its header row. Add data below it.",
    ),
    "header_moved": (
        "Judul kolom ada di baris {row}; {skipped} baris di atasnya "
        "(judul lembar) dilewati.",
        "The column headers are in row {row}; the {skipped} row(s) above "
        "(a title) are skipped.",
    ),
    "column_missing": (
        "Kolom wajib '{name}' (atau '{alias}') tidak ada di baris judul "
        "kolom (baris {row}). Tambahkan kolom itu.",
        "Required column '{name}' (or '{alias}') is not in the header row "
        "(row {row}). Add it.",
    ),
    "column_unknown": (
        "Kolom ini tidak dikenal dan diabaikan.",
        "This column is not known and is ignored.",
    ),
    "column_unknown_near": (
        "Kolom ini tidak dikenal dan diabaikan. Mungkin maksudnya "
        "'{near}'? Perbaiki judulnya agar kolom itu terbaca.",
        "This column is not known and is ignored. Did you mean '{near}'? "
        "Correct the header so that it is read.",
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
        "'{value}' bukan tingkat yang dikenal. Kinerja: Di Bawah/Sesuai/Di "
        "Atas Ekspektasi; Potensi: Rendah/Menengah/Tinggi.",
        "'{value}' is not a known level. Performance: below/meets/above "
        "expectation; potential: low/medium/high.",
    ),
    "negative": (
        "{value} tidak boleh negatif. Tulis 0 atau lebih.",
        "{value} must not be negative. Write 0 or more.",
    ),
    "too_large": (
        "Angka {value} terlalu besar. Periksa isi sel ini.",
        "The number {value} is too large. Check this cell.",
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
    "unit_unknown_near": (
        "Unit '{name}' tidak ada di lembar Unit. Mungkin maksudnya "
        "'{near}'? Perbaiki ejaannya atau tambahkan baris unit itu.",
        "Unit '{name}' is not in sheet Unit. Did you mean '{near}'? Correct "
        "the spelling or add a row for it.",
    ),
    "talent_box_range": (
        "Kotak talenta {value} harus 1 sampai 9 (atau kosong jika belum "
        "dinilai).",
        "Talent box {value} must be 1 to 9 (or blank if not assessed).",
    ),
    "preferred_both": (
        "{days} dipilih sebagai hari fleksibel dan juga hari kantor. "
        "Pilih salah satu.",
        "{days} is preferred for flexible and for office work. Choose one.",
    ),
    "requested_range": (
        "Jumlah hari fleksibel yang diminta ({value}) harus 0 sampai 7 "
        "hari seminggu.",
        "Requested flexible days ({value}) must be 0 to 7 days a week.",
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
        "Persentase {value} % harus 0 sampai 100 %.",
        "The percentage {value} % must be 0 to 100 %.",
    ),
    "share_fraction": (
        "{value} dibaca sebagai {value} %. Jika maksudnya {percent} %, "
        "tulis {percent}.",
        "{value} is read as {value} %. If you mean {percent} %, write "
        "{percent}.",
    ),
    "working_days": (
        "Hari kerja {value} tidak dikenal: tulis 5 (Senin-Jumat) atau 6 "
        "(Senin-Sabtu).",
        "Working days {value} is not known: write 5 (Monday-Friday) or 6 "
        "(Monday-Saturday).",
    ),
    "absence_reversed": (
        "Ketidakhadiran berakhir ({end}) sebelum mulai ({start}). Tukar "
        "tanggalnya.",
        "The absence ends ({end}) before it starts ({start}). Swap the dates.",
    ),
    "absence_overlap": (
        "Ketidakhadiran NIP {nip} ini bertumpang tindih dengan "
        "ketidakhadirannya di baris {other}. Gabungkan kedua baris atau "
        "perbaiki tanggalnya.",
        "This absence of NIP {nip} overlaps the one in row {other}. Merge "
        "the two rows or fix the dates.",
    ),
    "request_date_or_day": (
        "Isi tepat satu dari Tanggal atau Hari.",
        "Fill in exactly one of Date and Day.",
    ),
    "weight_positive": (
        "Bobot {value} harus bilangan bulat lebih dari 0 (kosong = 1).",
        "The weight {value} must be a whole number above 0 (blank = 1).",
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
    "policy_key_removed": (
        "Parameter kebijakan '{key}' sudah tidak ada: pegawai layanan tatap "
        "muka tidak pernah boleh bekerja fleksibel, apa pun kebijakannya. "
        "Hapus parameter ini.",
        "Policy key '{key}' no longer exists: face-to-face service staff "
        "are never eligible for flexible work, whatever the policy. Delete "
        "this key.",
    ),
    "policy_key_duplicate": (
        "Parameter '{key}' sudah ada di baris {first}. Hapus salah satu "
        "baris.",
        "Key '{key}' is already in row {first}. Delete one of the rows.",
    ),
    "policy_value_missing": (
        "Parameter '{key}' perlu nilai.",
        "Key '{key}' needs a value.",
    ),
    "policy_range": (
        "'{key}' = {value} harus {low} sampai {high} ({unit}).",
        "'{key}' = {value} must be {low} to {high} ({unit}).",
    ),
    "policy_hours": (
        "Jam kerja reguler minimal ({hours} jam seminggu) melebihi jam "
        "kerja seminggu ({weekly} jam). Turunkan "
        "min_regular_hours_per_week atau naikkan weekly_hours.",
        "The least regular hours ({hours} hours a week) exceed the working "
        "hours ({weekly} hours a week). Lower min_regular_hours_per_week or "
        "raise weekly_hours.",
    ),
    "policy_ramadan_pair": (
        "'{given}' diisi tetapi '{missing}' tidak. Isi keduanya atau "
        "kosongkan keduanya.",
        "'{given}' is set but '{missing}' is not. Set both or neither.",
    ),
    "policy_ramadan_order": (
        "Akhir Ramadan ({end}) sebelum awalnya ({start}). Tukar tanggalnya.",
        "Ramadan ends ({end}) before it starts ({start}). Swap the dates.",
    ),
    # Checks that need the policy.
    "unit_no_room": (
        "Unit '{unit}': aturan kehadiran minimal ({required} orang dari "
        "{people}) tidak menyisakan ruang untuk kerja fleksibel. Jika unit "
        "ini boleh bekerja fleksibel, turunkan Minimal Hadir (%) atau "
        "(Orang).",
        "Unit '{unit}': the minimum on-site rule ({required} people of "
        "{people}) leaves no room for flexible work. If the unit may work "
        "flexibly, lower its Minimal Hadir (%) or (Orang).",
    ),
    "unit_no_eligible": (
        "Unit '{unit}' tidak memiliki pegawai yang layak bekerja fleksibel. "
        "Jika ini tidak disengaja, periksa Layanan Langsung unit ini dan "
        "kolom kelayakan pegawainya di lembar Pegawai.",
        "Unit '{unit}' has no one eligible for flexible work. If that is "
        "not intended, check the unit's Layanan Langsung and its people's "
        "eligibility columns in sheet Pegawai.",
    ),
    "unit_no_people": (
        "Unit '{unit}' tidak memiliki pegawai di lembar Pegawai. Hapus "
        "baris ini, atau periksa ejaan unit di lembar Pegawai.",
        "Unit '{unit}' has no one in sheet Pegawai. Delete this row, or "
        "check the unit's spelling in sheet Pegawai.",
    ),
    "unit_min_above_staff": (
        "Unit '{unit}': paling sedikit {minimum} orang harus di kantor, "
        "tetapi unit ini hanya punya {people} orang. Ini mustahil; "
        "perencanaan akan melaporkan unit ini tidak dapat dijadwalkan. "
        "Turunkan minimalnya menjadi paling banyak {people} orang.",
        "Unit '{unit}': at least {minimum} people must be on site, but the "
        "unit has only {people}. That is impossible; planning will report "
        "the unit infeasible. Lower the minimum to at most {people} "
        "people.",
    ),
    "unit_desks_below": (
        "Unit '{unit}': pada hari semua {people} pegawai hadir, {required} "
        "orang harus di kantor, tetapi hanya ada {desks} meja. Pada hari "
        "seperti itu perencanaan akan melaporkan unit ini tidak dapat "
        "dijadwalkan. Naikkan Kapasitas Meja atau turunkan Minimal Hadir.",
        "Unit '{unit}': on a day when all {people} people are present, "
        "{required} must be on site, but there are only {desks} desks. "
        "Planning will report the unit infeasible on such a day. Raise "
        "Kapasitas Meja or lower the minimum on site.",
    ),
    "role_unheld": (
        "Tidak ada pegawai unit '{unit}' dengan peran '{role}', jadi aturan "
        "ini tidak dapat dipenuhi dan perencanaan akan melaporkan unit ini "
        "tidak dapat dijadwalkan. Periksa ejaan perannya di sini dan di "
        "kolom Peran lembar Pegawai.",
        "Nobody in unit '{unit}' holds role '{role}', so this rule cannot "
        "be met and planning will report the unit infeasible. Check the "
        "role's spelling here and in column Peran of sheet Pegawai.",
    ),
    "role_unheld_near": (
        "Tidak ada pegawai unit '{unit}' dengan peran '{role}', jadi aturan "
        "ini tidak dapat dipenuhi. Mungkin maksudnya '{near}'? Perbaiki "
        "ejaannya.",
        "Nobody in unit '{unit}' holds role '{role}', so this rule cannot "
        "be met. Did you mean '{near}'? Correct the spelling.",
    ),
    "role_short": (
        "Unit '{unit}': {minimum} orang dengan peran '{role}' harus di "
        "kantor, tetapi hanya {holders} orang memegang peran itu. "
        "Perencanaan akan melaporkan unit ini tidak dapat dijadwalkan. "
        "Turunkan minimalnya atau tambahkan peran itu di lembar Pegawai.",
        "Unit '{unit}': {minimum} people with role '{role}' must be on "
        "site, but only {holders} hold it. Planning will report the unit "
        "infeasible. Lower the minimum or add the role in sheet Pegawai.",
    ),
}


def message(code: str, lang: str, params: Mapping[str, object]) -> str:
    """The text of a message in a language, with its values filled in."""
    indonesian, english = MESSAGES[code]
    template = english if lang == "en" else indonesian
    values = {
        name: (value.en if lang == "en" else value.id)
        if isinstance(value, Words)
        else value
        for name, value in params.items()
    }
    return template.format(**values)
